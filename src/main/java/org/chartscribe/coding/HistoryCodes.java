package org.chartscribe.coding;

import java.util.Comparator;
import java.util.List;

/**
 * History codes in place of the condition: a malignant neoplasm called a history ("history of colon
 * cancer") is its personal history (category Z85, guideline I.C.2.d; {@code coding/history-of-neoplasm.tsv}),
 * and a relative's condition ("family history of diabetes") its family history (Z80-Z84;
 * {@code coding/family-history.tsv}). Each table maps a code prefix to the history code; longest prefix wins.
 */
final class HistoryCodes {

    static final String RESOURCE = "/coding/history-of-neoplasm.tsv";
    static final String FAMILY_RESOURCE = "/coding/family-history.tsv";
    private static final String UNSPECIFIED = "Z85.9";

    private record Site(String prefix, String history) {}

    private static final List<Site> SITES = table(RESOURCE);
    private static final List<Site> FAMILY = table(FAMILY_RESOURCE);

    // longest prefix first, so a finer row wins over a coarser one
    private static List<Site> table(String resource) {
        return CodingTables.rows(resource, CodingTables.resource(resource)).stream()
                .map(row -> new Site(row.col(0, "code prefix<TAB>history code<TAB>title"), row.col(1, "history code")))
                .sorted(Comparator.comparingInt((Site site) -> -site.prefix().length()))
                .toList();
    }

    private HistoryCodes() {}

    /** The personal-history code for a malignant neoplasm code (C00-C96), else {@code code} itself. */
    static String personal(String code) {
        if (!malignant(code)) {
            return code;
        }
        return SITES.stream().filter(site -> code.startsWith(site.prefix())).map(Site::history).findFirst()
                .orElse(UNSPECIFIED);
    }

    /** The family-history code (Z80-Z84) for a relative's condition, or empty when the table has none. */
    static java.util.Optional<String> family(String code) {
        return FAMILY.stream().filter(site -> code.startsWith(site.prefix())).map(Site::history).findFirst();
    }

    private static boolean malignant(String code) {
        if (code.length() < 3 || code.charAt(0) != 'C' || !Character.isDigit(code.charAt(1))) {
            return false;
        }
        if (!Character.isDigit(code.charAt(2))) {
            return true; // C4A, C7A, C7B: Merkel cell carcinoma and the neuroendocrine tumours, all malignant
        }
        return Integer.parseInt(code.substring(1, 3)) <= 96; // C00-C96 (D codes are in situ, benign, uncertain)
    }
}
