package org.chartscribe.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits clinical text into normalised word tokens that remember where they came from, so a phrase
 * found in normalised form can be reported as an offset span of the original text.
 */
final class ClinicalTokens {

    /** A word: {@code norm} is lower case with a plural or possessive "s" removed. */
    record Token(String norm, int start, int end) {}

    /** Hesitations of spoken transcripts ("acute lumbar, um, strain"): skipped so phrases still match. */
    private static final java.util.Set<String> FILLERS = java.util.Set.of("um", "uh", "uhm", "umm", "uhh", "hmm", "mm");

    private ClinicalTokens() {}

    /** Tokens with spoken forms and abbreviations rewritten to written words ({@link SpokenForms}). */
    static List<Token> of(String text) {
        return SpokenForms.builtin().rewrite(raw(text));
    }

    /** Tokens as written, without the spoken-form rewrite. */
    static List<Token> raw(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            String word = text.substring(start, i);
            // "Parkinson's" / "patient's": drop the possessive s that follows the apostrophe.
            if (word.equalsIgnoreCase("s") && start > 0 && (text.charAt(start - 1) == '\'' || text.charAt(start - 1) == '\u2019')) {
                continue;
            }
            String norm = normalise(word);
            if (!FILLERS.contains(norm)) {
                tokens.add(new Token(norm, start, i));
            }
        }
        return tokens;
    }

    /** The same normalisation for table phrases and text, so "kidney stones" matches "kidney stone". */
    static String normalise(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    static List<String> norms(String phrase) {
        return of(phrase).stream().map(Token::norm).toList();
    }

    static List<String> rawNorms(String phrase) {
        return raw(phrase).stream().map(Token::norm).toList();
    }
}
