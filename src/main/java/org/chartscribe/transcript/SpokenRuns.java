package org.chartscribe.transcript;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a long unpunctuated run of speech into sentences at boundary words ("okay", "so", a
 * question opening). The note engine and the coder split with their own boundaries and lengths.
 */
public final class SpokenRuns {

    private SpokenRuns() {}

    /**
     * Adds the sentences of {@code src[start, end)} to {@code out}: the whole span when it has at most
     * {@code longRunWords} words, else pieces cut where {@code boundary} matches, each piece and the
     * rest keeping at least {@code minPieceWords} words. Trailing white space is trimmed; pieces with
     * no letter or digit are dropped.
     */
    public static void split(String src, int start, int end, Role role, Pattern boundary, int longRunWords,
                             int minPieceWords, List<Sentence> out) {
        if (words(src, start, end) > longRunWords) {
            Matcher m = boundary.matcher(src).region(start, end);
            int piece = start;
            while (m.find()) {
                int at = m.start();
                if (words(src, piece, at) >= minPieceWords && words(src, at, end) >= minPieceWords) {
                    add(src, piece, at, role, out);
                    piece = at;
                }
            }
            start = piece;
        }
        add(src, start, end, role, out);
    }

    /** Words (runs of letters and digits) in {@code src[from, to)}. */
    public static int words(String src, int from, int to) {
        int n = 0;
        boolean in = false;
        for (int i = from; i < to; i++) {
            boolean letter = Character.isLetterOrDigit(src.charAt(i));
            if (letter && !in) {
                n++;
            }
            in = letter;
        }
        return n;
    }

    private static void add(String src, int start, int end, Role role, List<Sentence> out) {
        while (end > start && Character.isWhitespace(src.charAt(end - 1))) {
            end--;
        }
        for (int k = start; k < end; k++) {
            if (Character.isLetterOrDigit(src.charAt(k))) {
                out.add(new Sentence(src.substring(start, end), start, end, role));
                return;
            }
        }
    }
}
