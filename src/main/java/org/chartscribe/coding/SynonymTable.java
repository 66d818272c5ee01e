package org.chartscribe.coding;

import java.io.IOException;
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

    /**
     * Words a clinician puts inside a phrase without changing what it names: "strain of your right
     * posterior cruciate ligament" is a posterior cruciate ligament strain (the side is read separately).
     * Skipped inside a phrase, never at its start; at most {@link #MAX_SKIPS} per match.
     */
    private static final java.util.Set<String> SKIPPABLE = java.util.Set.of("the", "your", "his", "her", "my", "their",
            "our", "a", "an", "left", "right", "bilateral", "both");
    private static final int MAX_SKIPS = 3;

    /** Head words of injuries and site-bound conditions: "knee sprain" is also said "sprain of the knee". */
    private static final java.util.Set<String> HEADS = java.util.Set.of("sprain", "strain", "tear", "fracture", "pain",
            "contusion", "laceration", "bursitis", "tendinitis", "tendonitis", "arthritis", "osteoarthritis", "dislocation",
            "injury", "abrasion", "ulcer", "tendinopathy");

    private final Map<String, List<Entry>> byFirstWord = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();

    private SynonymTable() {}

    static SynonymTable builtin() {
        return parse(RESOURCE, CodingTables.resource(RESOURCE));
    }

    static SynonymTable parse(String source, String text) {
        SynonymTable table = new SynonymTable();
        for (CodingTables.Row row : CodingTables.rows(source, text)) {
            String[] cols = row.cols();
            if (cols.length < 2) {
                throw row.fail("expected phrase<TAB>codes[<TAB>kind]");
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
                throw row.fail("empty phrase");
            }
            Entry entry = new Entry(phrase, List.of(cols[1].trim().split(" +")), bilateral, kind);
            table.entries.add(entry);
            table.byFirstWord.computeIfAbsent(phrase.get(0), k -> new ArrayList<>()).add(entry);
        }
        // "<site> <head>" is also said "<head> of <site>" / "<head> in <site>", unless the table says otherwise.
        java.util.Set<List<String>> written = new java.util.HashSet<>();
        table.entries.forEach(e -> written.add(e.phrase()));
        for (Entry entry : List.copyOf(table.entries)) {
            List<String> p = entry.phrase();
            String head = p.get(p.size() - 1);
            if (p.size() < 2 || !HEADS.contains(head) || entry.kind() == Kind.CUE || p.contains("of") || p.contains("in")) {
                continue;
            }
            for (String link : List.of("of", "in")) {
                List<String> inverted = new ArrayList<>(List.of(head, link));
                inverted.addAll(p.subList(0, p.size() - 1));
                if (written.add(inverted)) {
                    Entry variant = new Entry(List.copyOf(inverted), entry.templates(), entry.bilateral(), entry.kind());
                    table.entries.add(variant);
                    table.byFirstWord.computeIfAbsent(head, k -> new ArrayList<>()).add(variant);
                }
            }
        }
        table.byFirstWord.values().forEach(l -> l.sort(Comparator.comparingInt((Entry e) -> -e.phrase().size())));
        return table;
    }

    /** The entry written for exactly this phrase (normalised words), if any. */
    java.util.Optional<Entry> lookup(List<String> phrase) {
        return byFirstWord.getOrDefault(phrase.get(0), List.of()).stream().filter(e -> e.phrase().equals(phrase)).findFirst();
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
                int end = matchEnd(tokens, i, entry.phrase());
                if (end > 0) {
                    best = new Match(entry, i, end);
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
        return coordinated(tokens, matches);
    }

    /**
     * Sites joined before one head word: "neck and lower back pain" is a neck pain and a lower back pain. A site
     * (one or two words) before "and" that makes a phrase with the head of the match after it, in words no other
     * match covers, is a match of its own.
     */
    private List<Match> coordinated(List<ClinicalTokens.Token> tokens, List<Match> matches) {
        List<Match> out = null;
        for (int k = 0; k < matches.size(); k++) {
            Match m = matches.get(k);
            List<String> phrase = m.entry().phrase();
            String head = phrase.get(phrase.size() - 1);
            int and = m.from() - 1;
            if (!HEADS.contains(head) || m.to() - m.from() < 2 || and < 1 || !tokens.get(and).norm().equals("and")) {
                continue;
            }
            int free = k == 0 ? 0 : matches.get(k - 1).to();
            for (int n = 2; n >= 1; n--) {
                int from = and - n;
                if (from < free) {
                    continue;
                }
                List<String> site = new ArrayList<>();
                tokens.subList(from, and).forEach(t -> site.add(t.norm()));
                site.add(head);
                java.util.Optional<Entry> e = lookup(site);
                if (e.isPresent() && e.get().kind() != Kind.CUE) {
                    if (out == null) {
                        out = new ArrayList<>(matches);
                    }
                    out.add(new Match(e.get(), from, and));
                    break;
                }
            }
        }
        if (out == null) {
            return matches;
        }
        out.sort(Comparator.comparingInt(Match::from));
        return out;
    }

    /** The token index after the phrase matched at {@code at} (skippable words allowed inside), or -1. */
    private static int matchEnd(List<ClinicalTokens.Token> tokens, int at, List<String> phrase) {
        int i = at;
        int skips = 0;
        for (int k = 0; k < phrase.size(); k++) {
            while (i < tokens.size() && k > 0 && !tokens.get(i).norm().equals(phrase.get(k))
                    && SKIPPABLE.contains(tokens.get(i).norm()) && skips < MAX_SKIPS) {
                i++;
                skips++;
            }
            if (i >= tokens.size() || !tokens.get(i).norm().equals(phrase.get(k))) {
                return -1;
            }
            i++;
        }
        return i;
    }
}
