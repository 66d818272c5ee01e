package org.chartscribe.coding;

import java.util.Comparator;
import java.util.List;

/**
 * A malignant neoplasm called a history ("history of colon cancer") is coded to its personal history
 * (category Z85, guideline I.C.2.d) rather than to the cancer itself; the site decides which Z85 code
 * ({@code coding/history-of-neoplasm.tsv}). Other codes pass through unchanged.
 */
final class NeoplasmHistory {

    static final String RESOURCE = "/coding/history-of-neoplasm.tsv";
    private static final String UNSPECIFIED = "Z85.9";

    private record Site(String prefix, String history) {}

    // longest prefix first, so a finer site row wins over a coarser one
    private static final List<Site> SITES = CodingTables.rows(RESOURCE, CodingTables.resource(RESOURCE)).stream()
            .map(row -> new Site(row.col(0, "C-code prefix<TAB>Z85 code<TAB>site"), row.col(1, "Z85 code")))
            .sorted(Comparator.comparingInt((Site site) -> -site.prefix().length()))
            .toList();

    private NeoplasmHistory() {}

    /** The personal-history code for a malignant neoplasm code (C00-C96), else {@code code} itself. */
    static String of(String code) {
        if (!malignant(code)) {
            return code;
        }
        return SITES.stream().filter(site -> code.startsWith(site.prefix())).map(Site::history).findFirst()
                .orElse(UNSPECIFIED);
    }

    private static boolean malignant(String code) {
        if (code.length() < 3 || code.charAt(0) != 'C' || !Character.isDigit(code.charAt(1))) {
            return false;
        }
        int category = Integer.parseInt(code.substring(1, 3));
        return category <= 96; // C00-C96: malignant neoplasms (C7A, C7B and C4A count too: digits 7 and 4)
    }
}
