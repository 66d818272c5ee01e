package org.chartscribe.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word tokens (runs of letters and digits, lowercased) with their offsets in the text. */
final class Words {

    record Word(String text, int start, int end) {}

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private Words() {}

    static List<Word> of(String text) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(new Word(m.group().toLowerCase(Locale.ROOT), m.start(), m.end()));
        }
        return words;
    }

    /** "Pepto-Bismol" and "pepto bismol" both become "pepto bismol": the key phrases are stored under. */
    static String key(String phrase) {
        StringBuilder sb = new StringBuilder();
        for (Word w : of(phrase)) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(w.text());
        }
        return sb.toString();
    }
}
