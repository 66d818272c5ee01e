package org.chartscribe.clinical;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds dictionary phrases in text on word boundaries, longest match first and without overlaps
 * ("insulin glargine" wins over "insulin"). A hash lookup per word window: linear in the text,
 * whatever the size of the dictionary.
 */
final class PhraseMatcher<T> {

    /** A dictionary value found at {@code text.substring(start, end)}. */
    record Match<T>(T value, int start, int end) {}

    private final Map<String, T> phrases = new HashMap<>();
    /** First words of all phrases: most words start none, and are skipped without building keys. */
    private final Set<String> firstWords = new HashSet<>();
    /**
     * A bit per first word's hash code (its low bits): a word whose bit is clear starts no phrase and is
     * passed on its hash alone, without making its string ({@link WordSpans}).
     */
    private final long[] firstWordHashes = new long[1 << (HASH_BITS - 6)];
    private static final int HASH_BITS = 18;
    private int longest = 1;

    void add(String phrase, T value) {
        String key = Words.key(phrase);
        if (key.isEmpty()) {
            return;
        }
        phrases.putIfAbsent(key, value);
        int space = key.indexOf(' ');
        String first = space < 0 ? key : key.substring(0, space);
        firstWords.add(first);
        int bit = first.hashCode() & ((1 << HASH_BITS) - 1);
        firstWordHashes[bit >>> 6] |= 1L << bit;
        longest = Math.max(longest, key.split(" ").length);
    }

    boolean contains(String phrase) {
        return phrases.containsKey(Words.key(phrase));
    }

    T get(String phrase) {
        return phrases.get(Words.key(phrase));
    }

    List<Match<T>> find(String text) {
        WordSpans words = WordSpans.of(text);
        List<Match<T>> matches = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            if (!mayStartPhrase(words.hash(i)) || !firstWords.contains(words.word(i))) {
                i++;
                continue;
            }
            int matched = 0;
            for (int n = Math.min(longest, words.size() - i); n >= 1 && matched == 0; n--) {
                if (!adjacent(text, words, i, n)) {
                    continue;
                }
                T value = phrases.get(join(words, i, n));
                if (value != null) {
                    matches.add(new Match<>(value, words.start(i), words.end(i + n - 1)));
                    matched = n;
                }
            }
            i += Math.max(1, matched);
        }
        return matches;
    }

    private boolean mayStartPhrase(int hash) {
        int bit = hash & ((1 << HASH_BITS) - 1);
        return (firstWordHashes[bit >>> 6] & 1L << bit) != 0;
    }

    /** A phrase may not run across a sentence or clause break ("knee. Pain" is not "knee pain"). */
    private static boolean adjacent(String text, WordSpans words, int i, int n) {
        for (int k = i + 1; k < i + n; k++) {
            String gap = text.substring(words.end(k - 1), words.start(k));
            if (!gap.isBlank() && !gap.equals("-") && !gap.equals("/") && !gap.equals("'")) {
                return false;
            }
        }
        return true;
    }

    private static String join(WordSpans words, int i, int n) {
        if (n == 1) {
            return words.word(i);
        }
        StringBuilder sb = new StringBuilder(words.word(i));
        for (int k = i + 1; k < i + n; k++) {
            sb.append(' ').append(words.word(k));
        }
        return sb.toString();
    }
}
