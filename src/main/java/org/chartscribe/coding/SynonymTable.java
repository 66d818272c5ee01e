package org.chartscribe.coding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Clinical phrases and abbreviations mapped to ICD-10-CM code templates (resource
 * {@code coding/icd10cm-synonyms.tsv}, format described in its header). Finds the longest
 * non-overlapping phrases in a token sequence.
 */
final class SynonymTable {

    enum Kind { DX, SYMPTOM, STATUS, ENCOUNTER, CUE }

    /** One row: {@code bilateral} replaces {@code templates} when the note says both sides. */
    record Entry(List<String> phrase, List<String> templates, List<String> bilateral, Kind kind) {}

    /** A phrase found at tokens [from, to). */
    record Match(Entry entry, int from, int to) {}

    static final String RESOURCE = "/coding/icd10cm-synonyms.tsv";

    private final Map<String, List<Entry>> byFirstWord = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();

    private SynonymTable() {}

    static SynonymTable builtin() {
        try (InputStream in = SynonymTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CodeSetFormatException(RESOURCE, 0, "resource missing from the build");
            }
            return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SynonymTable parse(String source, String text) {
        SynonymTable table = new SynonymTable();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 2) {
                throw new CodeSetFormatException(source, i + 1, "expected phrase<TAB>codes[<TAB>kind]");
            }
            Kind kind = Kind.DX;
            List<String> bilateral = List.of();
            for (int c = 2; c < cols.length; c++) {
                if (cols[c].startsWith("B=")) {
                    bilateral = List.of(cols[c].substring(2).split(" "));
                } else {
                    kind = Kind.valueOf(cols[c].trim().toUpperCase(Locale.ROOT));
                }
            }
            List<String> phrase = ClinicalTokens.norms(cols[0]);
            if (phrase.isEmpty()) {
                throw new CodeSetFormatException(source, i + 1, "empty phrase");
            }
            Entry entry = new Entry(phrase, List.of(cols[1].trim().split(" +")), bilateral, kind);
            table.entries.add(entry);
            table.byFirstWord.computeIfAbsent(phrase.get(0), k -> new ArrayList<>()).add(entry);
        }
        table.byFirstWord.values().forEach(l -> l.sort(Comparator.comparingInt((Entry e) -> -e.phrase().size())));
        return table;
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Longest phrases first, left to right, never overlapping. */
    List<Match> find(List<ClinicalTokens.Token> tokens) {
        List<Match> matches = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Match best = null;
            for (Entry entry : byFirstWord.getOrDefault(tokens.get(i).norm(), List.of())) {
                if (matchesAt(tokens, i, entry.phrase())) {
                    best = new Match(entry, i, i + entry.phrase().size());
                    break; // sorted longest first
                }
            }
            if (best != null) {
                matches.add(best);
                i = best.to();
            } else {
                i++;
            }
        }
        return matches;
    }

    private static boolean matchesAt(List<ClinicalTokens.Token> tokens, int at, List<String> phrase) {
        if (at + phrase.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < phrase.size(); k++) {
            if (!tokens.get(at + k).norm().equals(phrase.get(k))) {
                return false;
            }
        }
        return true;
    }
}
