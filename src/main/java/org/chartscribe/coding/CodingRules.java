package org.chartscribe.coding;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The small rule tables a coder applies after finding codes: refinements from wording in the same
 * statement, combination codes the classification presumes ("with" links), and pairs that must not
 * be reported together (Excludes1 notes, and symptoms that are integral to a confirmed diagnosis).
 * Codes are matched by prefix, so "I50" covers every heart failure code. The tables are data
 * ({@code coding/refinements.tsv}, {@code combinations.tsv}, {@code conflicts.tsv}); this class reads them.
 */
final class CodingRules {

    /** Replace {@code code} with {@code refined} when the statement matches {@code wording}. */
    record Refinement(String code, Pattern wording, String refined, String why) {}

    /** When codes with both prefixes are present, {@code replace} becomes {@code with}. */
    record Combination(String replace, String whenPresent, String with, String why) {}

    /** Drop codes with prefix {@code drop} when a code with prefix {@code keep} is present. */
    record Conflict(String drop, String keep, String why) {}

    static final String REFINEMENTS_RESOURCE = "/coding/refinements.tsv";
    static final String COMBINATIONS_RESOURCE = "/coding/combinations.tsv";
    static final String CONFLICTS_RESOURCE = "/coding/conflicts.tsv";

    static final List<Refinement> REFINEMENTS = refinements(REFINEMENTS_RESOURCE, CodingTables.resource(REFINEMENTS_RESOURCE));
    static final List<Combination> COMBINATIONS = combinations(COMBINATIONS_RESOURCE,
            CodingTables.resource(COMBINATIONS_RESOURCE));
    static final List<Conflict> CONFLICTS = conflicts(CONFLICTS_RESOURCE, CodingTables.resource(CONFLICTS_RESOURCE));

    static List<Refinement> refinements(String source, String text) {
        List<Refinement> out = new java.util.ArrayList<>();
        for (CodingTables.Row row : CodingTables.rows(source, text)) {
            Pattern wording;
            try {
                wording = Pattern.compile(row.col(1, "code<TAB>wording<TAB>refined<TAB>why"), Pattern.CASE_INSENSITIVE);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw row.fail("wording is not a regular expression: " + e.getDescription());
            }
            out.add(new Refinement(row.col(0, "code"), wording, row.col(2, "refined code"), row.col(3, "why")));
        }
        return List.copyOf(out);
    }

    static List<Combination> combinations(String source, String text) {
        return CodingTables.rows(source, text).stream().map(row -> new Combination(row.col(0, "replace<TAB>when present<TAB>with<TAB>why"),
                row.col(1, "when present"), row.col(2, "with"), row.col(3, "why"))).toList();
    }

    static List<Conflict> conflicts(String source, String text) {
        return CodingTables.rows(source, text).stream().map(row -> new Conflict(row.col(0, "drop<TAB>keep<TAB>why"),
                row.col(1, "keep"), row.col(2, "why"))).toList();
    }

    private CodingRules() {}

    static boolean has(Map<String, ?> codes, String prefix) {
        return codes.keySet().stream().anyMatch(c -> c.startsWith(prefix));
    }
}
