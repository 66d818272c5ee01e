package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a clinician's run-on sentence where a new intention or judgement starts
 * ("..., I think you're retaining fluid, and I want to increase your Lasix"), so each part can go
 * to its own division. Returns spans relative to the sentence, so evidence stays exact.
 */
final class Clauses {

    private static final Pattern BOUNDARY = Pattern.compile(
            "(?i)\\s*[,;]\\s+(?:(?:and|so|but|then|now)\\s+)*(?=(?:i|we)\\s?'ll\\b|(?:i|we)(?:\\s?'(?:m|re|d))?\\s+"
                    + "(?:(?:also|just|then|really|do|still|definitely|probably)\\s+)*(?:am going to|are going to|going to|"
                    + "gon na|gonna|will|want|wan na|would like|like to|need to|plan to|recommend|think|suspect)\\b|"
                    + "let\\s?'?s\\b|i\\s+think\\b|my\\s+(?:recommendation|plan|assessment|impression)\\b)");

    private static final int MIN_WORDS = 3;

    private Clauses() {}

    /** {start, end} pairs within {@code text}, covering its clauses in order. */
    static List<int[]> split(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = BOUNDARY.matcher(text);
        int start = 0;
        while (m.find()) {
            if (words(text, start, m.start()) >= MIN_WORDS && words(text, m.end(), text.length()) >= MIN_WORDS) {
                out.add(new int[] {start, m.start()});
                start = m.end();
            }
        }
        out.add(new int[] {start, text.length()});
        return out;
    }

    private static int words(String text, int from, int to) {
        int n = 0;
        boolean in = false;
        for (int i = from; i < to; i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !in) {
                n++;
            }
            in = letter;
        }
        return n;
    }
}
