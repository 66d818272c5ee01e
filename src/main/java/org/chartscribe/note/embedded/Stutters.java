package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.List;

/**
 * "a lateral a lateral", "the the", "to to the", "it's- it's": a phrase of up to five words said twice in a
 * row, the recogniser keeping both. The repeat goes; the first saying stays. Written as a scan over the
 * words rather than a back-referencing pattern, which backtracked over every word of every sentence.
 */
final class Stutters {
    static final int MAX_PHRASE_WORDS = 5;

    private Stutters() {}

    /**
     * Whether a word comes back within the next {@link #MAX_PHRASE_WORDS} + 1, as it does in every stutter
     * or restart: a cheap test before the pattern-based repairs, which most sentences do not need.
     */
    static boolean mayHaveOne(String text) {
        List<int[]> words = words(text);
        for (int i = 0; i < words.size(); i++) {
            int[] a = words.get(i);
            for (int j = i + 1; j < Math.min(words.size(), i + MAX_PHRASE_WORDS + 2); j++) {
                int[] b = words.get(j);
                if (a[1] - a[0] == b[1] - b[0] && text.regionMatches(true, a[0], text, b[0], a[1] - a[0])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The text with each immediately repeated phrase said once (one pass, left to right). */
    static String collapse(String text) {
        List<int[]> words = words(text);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int i = 0;
        while (i < words.size()) {
            int length = repeatedPhraseAt(text, words, i);
            if (length == 0) {
                i++;
                continue;
            }
            // keep the text up to the end of the first saying, drop the separator and the repeat
            int firstEnd = words.get(i + length - 1)[1];
            int repeatEnd = words.get(i + 2 * length - 1)[1];
            out.append(text, copied, firstEnd);
            copied = repeatEnd;
            i += 2 * length;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The longest phrase length starting at word {@code i} that is said again right after it, or 0. */
    private static int repeatedPhraseAt(String text, List<int[]> words, int i) {
        for (int length = Math.min(MAX_PHRASE_WORDS, (words.size() - i) / 2); length >= 1; length--) {
            if (isRepeat(text, words, i, length)) {
                return length;
            }
        }
        return 0;
    }

    private static boolean isRepeat(String text, List<int[]> words, int i, int length) {
        if (length == 1 && isGrammaticalDouble(text, words.get(i))) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            int[] a = words.get(i + k);
            int[] b = words.get(i + length + k);
            if (a[1] - a[0] != b[1] - b[0] || !text.regionMatches(true, a[0], text, b[0], a[1] - a[0])) {
                return false;
            }
            // inside a phrase only spaces; between the two sayings a space, comma or dash
            if (k + 1 < length && !onlySpaces(text, a[1], words.get(i + k + 1)[0])
                    || k + 1 < length && !onlySpaces(text, b[1], words.get(i + length + k + 1)[0])) {
                return false;
            }
        }
        return isJoint(text, words.get(i + length - 1)[1], words.get(i + length)[0]);
    }

    /** "She had had surgery", "he said that that helped": the same word twice is English here. */
    private static boolean isGrammaticalDouble(String text, int[] word) {
        String w = text.substring(word[0], word[1]);
        return w.equalsIgnoreCase("had") || w.equalsIgnoreCase("that");
    }

    private static boolean onlySpaces(String text, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int p = from; p < to; p++) {
            if (!Character.isWhitespace(text.charAt(p))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isJoint(String text, int from, int to) {
        if (from == to) {
            return false;
        }
        int marks = 0;
        for (int p = from; p < to; p++) {
            char c = text.charAt(p);
            if (c == ',' || c == '-') {
                marks++;
            } else if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return marks <= 1;
    }

    /** Start and end of each run of letters and apostrophes (the words a stutter is made of). */
    private static List<int[]> words(String text) {
        List<int[]> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && !isWordChar(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && isWordChar(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(new int[] {start, i});
            }
        }
        return words;
    }

    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\'';
    }
}
