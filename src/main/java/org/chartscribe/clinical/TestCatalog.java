package org.chartscribe.clinical;

import java.util.List;

/** The lab tests and imaging studies of {@code clinical/tests.tsv}, shared by results and orders. */
final class TestCatalog {

    record Test(String name, TestResult.Kind kind) {}

    private static final PhraseMatcher<Test> TESTS = new PhraseMatcher<>();

    static {
        for (String[] row : TsvResource.rows("/clinical/tests.tsv")) {
            Test test = new Test(row[0], row[1].equals("imaging") ? TestResult.Kind.IMAGING : TestResult.Kind.LAB);
            TESTS.add(row[0], test);
            for (String synonym : TsvResource.list(row, 2)) {
                TESTS.add(synonym, test);
            }
        }
    }

    private TestCatalog() {}

    static List<PhraseMatcher.Match<Test>> find(String lower) {
        return TESTS.find(lower);
    }
}
