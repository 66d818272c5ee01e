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
    private int longest = 1;

    void add(String phrase, T value) {
        String key = Words.key(phrase);
        if (key.isEmpty()) {
            return;
        }
        phrases.putIfAbsent(key, value);
        int space = key.indexOf(' ');
        firstWords.add(space < 0 ? key : key.substring(0, space));
        longest = Math.max(longest, key.split(" ").length);
    }

    boolean contains(String phrase) {
        return phrases.containsKey(Words.key(phrase));
    }

    T get(String phrase) {
        return phrases.get(Words.key(phrase));
    }

    List<Match<T>> find(String text) {
        List<Words.Word> words = Words.of(text);
        List<Match<T>> matches = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            if (!firstWords.contains(words.get(i).text())) {
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
                    matches.add(new Match<>(value, words.get(i).start(), words.get(i + n - 1).end()));
                    matched = n;
                }
            }
            i += Math.max(1, matched);
        }
        return matches;
    }

    /** A phrase may not run across a sentence or clause break ("knee. Pain" is not "knee pain"). */
    private static boolean adjacent(String text, List<Words.Word> words, int i, int n) {
        for (int k = i + 1; k < i + n; k++) {
            String gap = text.substring(words.get(k - 1).end(), words.get(k).start());
            if (!gap.isBlank() && !gap.equals("-") && !gap.equals("/") && !gap.equals("'")) {
                return false;
            }
        }
        return true;
    }

    private static String join(List<Words.Word> words, int i, int n) {
        if (n == 1) {
            return words.get(i).text();
        }
        StringBuilder sb = new StringBuilder(words.get(i).text());
        for (int k = i + 1; k < i + n; k++) {
            sb.append(' ').append(words.get(k).text());
        }
        return sb.toString();
    }
}
