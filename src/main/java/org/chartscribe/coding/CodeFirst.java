package org.chartscribe.coding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Tabular's "code first" / "use additional code" notes as sequencing pairs (resource
 * {@code coding/code-first.tsv}): I11.0 hypertensive heart disease with heart failure is listed before
 * the I50 code naming the failure's type, E11.621 before the L97 code naming the ulcer's site, whatever
 * order the visit's ranking gave them.
 */
final class CodeFirst {

    static final String RESOURCE = "/coding/code-first.tsv";

    record Pair(String first, String then, String note) {}

    private static final List<Pair> BUILTIN = load();

    private CodeFirst() {}

    static List<Pair> builtin() {
        return BUILTIN;
    }

    static List<Pair> parse(String source, String text) {
        List<Pair> out = new ArrayList<>();
        for (CodingTables.Row row : CodingTables.rows(source, text)) {
            String[] cols = row.cols();
            if (cols.length != 3 || cols[0].isBlank() || cols[1].isBlank()) {
                throw row.fail("expected first<TAB>then<TAB>note");
            }
            out.add(new Pair(cols[0].strip(), cols[1].strip(), cols[2].strip()));
        }
        return List.copyOf(out);
    }

    /** The codes with each pair's "first" code moved just before its "then" code when it came after it. */
    static List<FoundCode> order(List<FoundCode> ranked, List<Pair> pairs) {
        List<FoundCode> out = new ArrayList<>(ranked);
        for (Pair p : pairs) {
            int then = indexOf(out, p.then());
            int first = indexOf(out, p.first());
            if (then >= 0 && first > then) {
                FoundCode moved = out.remove(first);
                List<String> notes = new ArrayList<>(moved.notes());
                notes.add("listed before " + out.get(then).code() + " (Tabular: " + p.note() + ")");
                out.add(then, moved.withCode(moved.code(), notes));
            }
        }
        return out;
    }

    private static int indexOf(List<FoundCode> codes, String prefix) {
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i).code().startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Pair> load() {
        return parse(RESOURCE, CodingTables.resource(RESOURCE));
    }
}
