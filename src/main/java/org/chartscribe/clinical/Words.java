package org.chartscribe.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Word tokens (runs of letters and digits, lowercased) with their offsets in the text. */
final class Words {

    record Word(String text, int start, int end) {}

    private Words() {}

    static List<Word> of(String text) {
        // a hand-written scan: this runs for every clause and every lexicon, and a regex with a lowercased
        // copy of each word was most of the extractors' time
        List<Word> words = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean upper = false;
            while (i < n) {
                cp = text.codePointAt(i);
                if (!isWordChar(cp)) {
                    break;
                }
                upper |= cp >= 128 || Character.isUpperCase(cp);
                i += Character.charCount(cp);
            }
            String word = text.substring(start, i);
            words.add(new Word(upper ? word.toLowerCase(Locale.ROOT) : word, start, i));
        }
        return words;
    }

    /** The same characters as the regex class [\\p{L}\\p{N}]. */
    static boolean isWordChar(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
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
