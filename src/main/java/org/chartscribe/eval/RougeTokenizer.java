package org.chartscribe.eval;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The tokeniser of docs/EVALUATION.md: lowercase, every run of characters outside [a-z0-9] becomes
 * a space, split on spaces, no stemming. Kept deliberately simple so that scores are comparable with
 * other tools that use the same rule.
 */
public final class RougeTokenizer {

    private static final Pattern NON_TOKEN = Pattern.compile("[^a-z0-9]+");

    private RougeTokenizer() {}

    public static List<String> tokens(String text) {
        String spaced = NON_TOKEN.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        return spaced.isEmpty() ? List.of() : List.of(spaced.split(" "));
    }
}
