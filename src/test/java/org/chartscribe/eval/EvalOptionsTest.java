package org.chartscribe.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvalOptionsTest {

    private static Optional<EvalOptions> parse(StringBuilder problem, String... args) {
        return EvalOptions.parse(args, problem);
    }

    @Test
    void labelsAndCodeSetAreOptional() {
        EvalOptions plain = parse(new StringBuilder(), "--input", "a.csv").orElseThrow();
        assertThat(plain.labels()).isEmpty();
        assertThat(plain.icd10cm()).isEmpty();

        EvalOptions labelled = parse(new StringBuilder(), "--icd10cm", "codes.txt", "--input", "a.csv",
                "--labels", "l.tsv", "--limit", "3").orElseThrow();
        assertThat(labelled.labels()).contains(Path.of("l.tsv"));
        assertThat(labelled.icd10cm()).contains(Path.of("codes.txt"));
        assertThat(labelled.limit()).isEqualTo(3);
        assertThat(labelled.input()).isEqualTo(Path.of("a.csv"));
    }

    @Test
    void codeSetWithoutLabelsIsAUsageError() {
        StringBuilder problem = new StringBuilder();
        assertThat(parse(problem, "--input", "a.csv", "--icd10cm", "codes.txt")).isEmpty();
        assertThat(problem.toString()).contains("--labels");
    }

    @Test
    void missingValues() {
        StringBuilder problem = new StringBuilder();
        assertThat(parse(problem, "--input", "a.csv", "--labels")).isEmpty();
        assertThat(problem.toString()).isEqualTo("missing value after --labels");
        problem.setLength(0);
        assertThat(parse(problem, "--input", "a.csv", "--labels", "l.tsv", "--icd10cm")).isEmpty();
        assertThat(problem.toString()).isEqualTo("missing value after --icd10cm");
    }

    @Test
    void usageNamesTheNewFlags() {
        assertThat(EvalOptions.USAGE).contains("--labels").contains("--icd10cm").contains("icd10_top1")
                .contains("--references").contains("--dump DIR").contains("clinical text")
                .contains("copied_speech").contains("second_person_or_filler").contains("reference_copied_speech");
    }

    @Test
    void referencesIsASwitchAndDumpTakesADirectory() {
        EvalOptions plain = parse(new StringBuilder(), "--input", "a.csv").orElseThrow();
        assertThat(plain.references()).isFalse();
        assertThat(plain.dump()).isEmpty();

        EvalOptions both = parse(new StringBuilder(), "--references", "--input", "a.csv", "--dump", "out", "--references")
                .orElseThrow();
        assertThat(both.references()).isTrue();
        assertThat(both.dump()).contains(Path.of("out"));
        assertThat(both.input()).isEqualTo(Path.of("a.csv"));

        StringBuilder problem = new StringBuilder();
        assertThat(parse(problem, "--input", "a.csv", "--dump")).isEmpty();
        assertThat(problem.toString()).isEqualTo("missing value after --dump");
    }
}
