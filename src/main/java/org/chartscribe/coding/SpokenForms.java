package org.chartscribe.coding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spoken forms and clinical abbreviations rewritten to the words a coder looks up (resource
 * {@code coding/spoken-forms.tsv}): "A-fib" is atrial fibrillation, "my sugar" is diabetes, "tummy" is
 * abdominal. The phrase table and the Alphabetic Index lookup both read tokens through this rewrite,
 * so neither needs its own list of spoken variants. A rewritten word keeps the offsets of the words
 * it replaces, so evidence still points at what was said.
 */
final class SpokenForms {

    static final String RESOURCE = "/coding/spoken-forms.tsv";

    private record Form(List<String> spoken, List<String> written) {}

    private static final SpokenForms BUILTIN = load();

    private final Map<String, List<Form>> byFirstWord = new HashMap<>();

    private SpokenForms() {}

    static SpokenForms builtin() {
        return BUILTIN;
    }

    static SpokenForms parse(String source, String text) {
        SpokenForms forms = new SpokenForms();
        for (CodingTables.Row row : CodingTables.rows(source, text)) {
            String[] cols = row.cols();
            if (cols.length != 2) {
                throw row.fail("expected spoken<TAB>written");
            }
            List<String> spoken = ClinicalTokens.rawNorms(cols[0]);
            List<String> written = ClinicalTokens.rawNorms(cols[1]);
            if (spoken.isEmpty() || written.isEmpty()) {
                throw row.fail("empty spoken or written form");
            }
            forms.byFirstWord.computeIfAbsent(spoken.get(0), k -> new ArrayList<>()).add(new Form(spoken, written));
        }
        forms.byFirstWord.values().forEach(l -> l.sort(Comparator.comparingInt((Form f) -> -f.spoken().size())));
        return forms;
    }

    /** The tokens with each spoken form (longest first, left to right) replaced by its written words. */
    List<ClinicalTokens.Token> rewrite(List<ClinicalTokens.Token> tokens) {
        List<ClinicalTokens.Token> out = null;
        int i = 0;
        while (i < tokens.size()) {
            Form hit = null;
            for (Form f : byFirstWord.getOrDefault(tokens.get(i).norm(), List.of())) {
                if (matches(tokens, i, f.spoken())) {
                    hit = f;
                    break;
                }
            }
            if (hit == null) {
                if (out != null) {
                    out.add(tokens.get(i));
                }
                i++;
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(tokens.subList(0, i));
            }
            int start = tokens.get(i).start();
            int end = tokens.get(i + hit.spoken().size() - 1).end();
            for (String w : hit.written()) {
                out.add(new ClinicalTokens.Token(w, start, end));
            }
            i += hit.spoken().size();
        }
        return out == null ? tokens : out;
    }

    private static boolean matches(List<ClinicalTokens.Token> tokens, int at, List<String> spoken) {
        if (at + spoken.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < spoken.size(); k++) {
            if (!tokens.get(at + k).norm().equals(spoken.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static SpokenForms load() {
        return parse(RESOURCE, CodingTables.resource(RESOURCE));
    }
}
