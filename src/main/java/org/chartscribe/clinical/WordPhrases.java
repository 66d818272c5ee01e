package org.chartscribe.clinical;

import java.util.ArrayList;
import java.util.List;

/**
 * A cheap test that one of a few phrases is said as words: it lets a caller skip a regular expression
 * of the form {@code \b(?:phrase|phrase|...)\b} that could not match anyway. Java's regex engine tries
 * every alternative at every position, which made such patterns the gate's main cost; this looks only
 * at word starts and only at the phrases beginning with the character found there.
 *
 * <p>A phrase matches where it starts at a word start and, unless it ends in {@code *} (then it is a
 * prefix: "um*" for {@code um+}), ends at a word end. Words are runs of ASCII letters, digits and
 * underscores. Java's {@code \b} counts those as word characters too (and more), so whenever such a
 * pattern finds a match, {@link #in} is true: a false answer is final, a true one means "run the pattern".
 */
public final class WordPhrases {

    private final boolean ignoreCase;
    /** Phrases by their first character (lowered when case is ignored); ASCII only. */
    private final String[][] byFirst = new String[128][];
    private final boolean[][] prefixByFirst = new boolean[128][];

    private WordPhrases(boolean ignoreCase, List<String> phrases) {
        this.ignoreCase = ignoreCase;
        List<List<String>> groups = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            groups.add(new ArrayList<>());
        }
        for (String phrase : phrases) {
            char first = phrase.charAt(0);
            if (!isWordChar(first)) {
                throw new IllegalArgumentException("a phrase starts with a word character: " + phrase);
            }
            groups.get(ignoreCase ? Character.toLowerCase(first) : first).add(phrase);
        }
        for (int c = 0; c < 128; c++) {
            List<String> group = groups.get(c);
            if (group.isEmpty()) {
                continue;
            }
            byFirst[c] = new String[group.size()];
            prefixByFirst[c] = new boolean[group.size()];
            for (int i = 0; i < group.size(); i++) {
                String phrase = group.get(i);
                boolean prefix = phrase.endsWith("*");
                String body = prefix ? phrase.substring(0, phrase.length() - 1) : phrase;
                if (!prefix && !isWordChar(body.charAt(body.length() - 1))) {
                    throw new IllegalArgumentException("a whole phrase ends with a word character: " + phrase);
                }
                byFirst[c][i] = ignoreCase ? body.toLowerCase(java.util.Locale.ROOT) : body;
                prefixByFirst[c][i] = prefix;
            }
        }
    }

    /** Phrases matched as written. */
    public static WordPhrases of(String... phrases) {
        return new WordPhrases(false, List.of(phrases));
    }

    /** Phrases matched in any case (as {@code (?i)} does). */
    public static WordPhrases ignoringCase(String... phrases) {
        return new WordPhrases(true, List.of(phrases));
    }

    /** Every "first second" pair, for patterns such as {@code (?:is|was) (?:they|we)}. */
    public static List<String> pairs(List<String> firsts, List<String> seconds) {
        List<String> out = new ArrayList<>();
        for (String first : firsts) {
            for (String second : seconds) {
                out.add(first + " " + second);
            }
        }
        return out;
    }

    public static WordPhrases of(List<String> phrases) {
        return new WordPhrases(false, phrases);
    }

    /**
     * The phrases a pattern {@code \\b(?:alternation)\\b} (or, when not {@code wordEnd}, {@code \\b(?:alternation)}
     * followed by anything) can match, read from the alternation itself so that the
     * two cannot drift apart: each alternative up to its first character that is not plain text (a letter,
     * digit, space, hyphen, apostrophe or slash), also dropping the character a {@code ?} or {@code *} makes
     * optional; a cut alternative becomes a prefix ({@code "murmurs?"} is {@code "murmur*"}, {@code "wheez\\w*"}
     * is {@code "wheez*"}). Null when an alternative keeps no word character at its start (then there is no
     * shortcut: run the pattern). The answer of {@link #in} is then necessary for the pattern to find a match.
     */
    public static WordPhrases ofAlternation(String alternation, boolean ignoreCase, boolean wordEnd) {
        List<String> phrases = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i <= alternation.length(); i++) {
            char c = i < alternation.length() ? alternation.charAt(i) : '|';
            if (c == '\\') {
                i++; // an escaped character is never a group or an alternative's end
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                String phrase = plainStart(alternation.substring(from, i), wordEnd);
                if (phrase == null) {
                    return null;
                }
                phrases.add(phrase);
                from = i + 1;
            }
        }
        return new WordPhrases(ignoreCase, phrases);
    }

    /** An alternative as a phrase (cut ones end in {@code *}), or null when it does not start with plain text. */
    private static String plainStart(String alternative, boolean wordEnd) {
        int end = 0;
        while (end < alternative.length() && isPlain(alternative.charAt(end))) {
            end++;
        }
        if (end == 0 || !isWordChar(alternative.charAt(0))) {
            return null;
        }
        if (end == alternative.length()) {
            // all plain: a whole phrase when a word end must follow it, else only its start is known
            return wordEnd && isWordChar(alternative.charAt(end - 1)) ? alternative : alternative + "*";
        }
        char next = alternative.charAt(end);
        if (next == '?' || next == '*' || next == '{') {
            end--; // the character before is optional
        }
        return end > 0 ? alternative.substring(0, end) + "*" : null;
    }

    private static boolean isPlain(char c) {
        return isWordChar(c) && c != '_' || c == ' ' || c == '-' || c == '\'' || c == '/';
    }

    /** Whether one of the phrases is in the text as words; false means the matching pattern cannot match. */
    public boolean in(String text) {
        int n = text.length();
        int p = 0;
        while (p < n) {
            char c = text.charAt(p);
            if (!isWordChar(c)) {
                p++;
                continue;
            }
            // a word start: only the phrases starting with its character are looked at, then the word is passed
            int slot = ignoreCase && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
            String[] candidates = byFirst[slot];
            if (candidates != null && matchesAt(text, p, candidates, prefixByFirst[slot])) {
                return true;
            }
            p++;
            while (p < n && isWordChar(text.charAt(p))) {
                p++;
            }
        }
        return false;
    }

    /** Whether one of the phrases starts at {@code at}, and that is a word start (as {@link #in} looks for them). */
    public boolean startsAt(String text, int at) {
        if (at >= text.length() || at > 0 && isWordChar(text.charAt(at - 1))) {
            return false;
        }
        char c = text.charAt(at);
        if (c >= 128) {
            return false;
        }
        int slot = ignoreCase && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
        return byFirst[slot] != null && matchesAt(text, at, byFirst[slot], prefixByFirst[slot]);
    }

    private boolean matchesAt(String text, int at, String[] candidates, boolean[] prefix) {
        // the second character rules out most candidates before a region comparison (ASCII only, where the
        // comparison could not say otherwise)
        char second = at + 1 < text.length() ? text.charAt(at + 1) : 0;
        if (ignoreCase && second >= 'A' && second <= 'Z') {
            second += 'a' - 'A';
        }
        for (int i = 0; i < candidates.length; i++) {
            String phrase = candidates[i];
            int end = at + phrase.length();
            if (phrase.length() > 1 && second < 128 && phrase.charAt(1) < 128 && phrase.charAt(1) != second) {
                continue;
            }
            if (end <= text.length() && text.regionMatches(ignoreCase, at, phrase, 0, phrase.length())
                    && (prefix[i] || end == text.length() || !isWordChar(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** ASCII letters, digits and the underscore: word characters for Java's {@code \b} whatever the flags. */
    public static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
}
