package org.chartscribe.clinical;

import java.util.Arrays;
import java.util.Locale;

/**
 * The words of a text exactly as {@link Words#of} reads them, kept as offsets and the hash code of each
 * (lower-cased) word; a word's string is made only when asked for. A lexicon lookup can then pass most words
 * on their hash alone ({@link PhraseMatcher}), without a string or a record per word of every clause.
 */
final class WordSpans {

    private final String text;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int[] hashes = new int[16];
    private String[] words = new String[16];
    private int size;

    private WordSpans(String text) {
        this.text = text;
    }

    static WordSpans of(String text) {
        WordSpans spans = new WordSpans(text);
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Words.isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean ascii = true;
            int hash = 0;
            while (i < n) {
                cp = text.codePointAt(i);
                if (!Words.isWordChar(cp)) {
                    break;
                }
                if (cp >= 128) {
                    ascii = false;
                } else {
                    // String.hashCode of the lower-cased word; Locale.ROOT lowers ASCII letters only to ASCII
                    hash = 31 * hash + (cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp);
                }
                i += Character.charCount(cp);
            }
            spans.add(start, i, ascii ? hash : 0, ascii ? null : text.substring(start, i).toLowerCase(Locale.ROOT));
        }
        return spans;
    }

    private void add(int start, int end, int hash, String word) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
            words = Arrays.copyOf(words, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        hashes[size] = word == null ? hash : word.hashCode();
        words[size] = word;
        size++;
    }

    int size() {
        return size;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    /** The hash code of {@link #word}, known without making the word. */
    int hash(int i) {
        return hashes[i];
    }

    /** The word, lower-cased as {@link Words#of} gives it. */
    String word(int i) {
        String w = words[i];
        if (w == null) {
            w = text.substring(starts[i], ends[i]);
            // ASCII only here: lower-casing changes nothing when no capital is in it
            for (int k = 0; k < w.length(); k++) {
                char c = w.charAt(k);
                if (c >= 'A' && c <= 'Z') {
                    w = w.toLowerCase(Locale.ROOT);
                    break;
                }
            }
            words[i] = w;
        }
        return w;
    }
}
