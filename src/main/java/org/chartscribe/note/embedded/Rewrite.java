package org.chartscribe.note.embedded;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One wording rule: a pattern and its replacement, tried only when one of its {@code needles} occurs
 * in the lowercased text (always when none are given), so that most rules cost a substring check.
 *
 * @param wordStart the needles must occur at the start of a word: for rules whose patterns have a word
 *                  boundary or white space before them, so "here" in "there" need not be tried
 */
record Rewrite(Pattern pattern, String replacement, boolean wordStart, String... needles) {

    static Rewrite of(String regex, String replacement, String... needles) {
        return new Rewrite(Pattern.compile(regex), replacement, false, needles);
    }

    static Rewrite atWordStart(String regex, String replacement, String... needles) {
        return new Rewrite(Pattern.compile(regex), replacement, true, needles);
    }

    boolean mayApply(String lower) {
        if (needles.length == 0) {
            return true;
        }
        for (String needle : needles) {
            for (int at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
                if (!wordStart || at == 0 || !isAsciiLetterOrDigit(lower.charAt(at - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The rules in order, each on the previous one's output. */
    static String applyAll(String s, List<Rewrite> rewrites) {
        String lower = s.toLowerCase(Locale.ROOT);
        for (Rewrite r : rewrites) {
            if (!r.mayApply(lower)) {
                continue;
            }
            String next = r.pattern().matcher(s).replaceAll(r.replacement());
            if (!next.equals(s)) {
                s = next;
                lower = s.toLowerCase(Locale.ROOT);
            }
        }
        return s;
    }
}
