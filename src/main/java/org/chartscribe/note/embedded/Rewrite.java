package org.chartscribe.note.embedded;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One wording rule: a pattern and its replacement, tried only when one of its {@code needles} occurs
 * in the lowercased text (always when none are given), so that most rules cost a substring check.
 *
 * @param wordStart the needles must occur at the start of a word: for rules whose patterns have a word
 *                  boundary or white space before them, so "here" in "there" need not be tried
 * @param anchored  the pattern can match only at the text's start ({@link #anchoredAtStart})
 */
record Rewrite(Pattern pattern, String replacement, boolean wordStart, boolean anchored, String... needles) {

    /**
     * Whether the pattern can match only at the start of the text: it opens with {@code ^} (after an
     * {@code (?i)}) and has no alternative beside it. Such a rule is tried once with {@link Matcher#lookingAt}
     * instead of at every position: without MULTILINE, {@code ^} holds nowhere else, so {@code replaceAll}
     * could only replace a match at the start, which {@code replaceFirst} finds first.
     */
    static boolean anchoredAtStart(String regex) {
        String body = regex.startsWith("(?i)") ? regex.substring(4) : regex;
        if (!body.startsWith("^")) {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                // a character class: its brackets and bars are not groups or alternatives
                i++;
                while (i < body.length() && body.charAt(i) != ']') {
                    i += body.charAt(i) == '\\' ? 2 : 1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return false;
            }
        }
        return true;
    }

    static Rewrite of(String regex, String replacement, String... needles) {
        return new Rewrite(Pattern.compile(regex), replacement, false, anchoredAtStart(regex), needles);
    }

    static Rewrite atWordStart(String regex, String replacement, String... needles) {
        return new Rewrite(Pattern.compile(regex), replacement, true, anchoredAtStart(regex), needles);
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
            Matcher m = r.pattern().matcher(s);
            if (r.anchored() && !m.lookingAt()) {
                continue;
            }
            String next = r.anchored() ? m.replaceFirst(r.replacement()) : m.replaceAll(r.replacement());
            if (!next.equals(s)) {
                s = next;
                lower = s.toLowerCase(Locale.ROOT);
            }
        }
        return s;
    }
}
