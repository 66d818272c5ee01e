package org.chartscribe.clinical;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A lowercase copy of a text in which spoken numbers are written as digits ("one forty over
 * ninety" becomes "140 over 90"), with a map back to the original offsets. Extractors run their
 * patterns on {@link #text()} and report {@link #originalStart}/{@link #originalEnd}, so every
 * record points at the words that were actually said.
 */
final class NormalizedText {

    private final String original;
    private final String text;
    private final int[] startOf; // normalized index -> original index of its first character
    private final int[] endOf;   // normalized index -> original index after its last character

    private NormalizedText(String original, String text, int[] startOf, int[] endOf) {
        this.original = original;
        this.text = text;
        this.startOf = startOf;
        this.endOf = endOf;
    }

    static NormalizedText of(String original) {
        return of(original, true);
    }

    /** Only the normalized text, without the map back to the original (cheaper: no per-character offsets). */
    static String textOf(String original) {
        return of(original, false).text();
    }

    private static NormalizedText of(String original, boolean withOffsets) {
        String lower = original.toLowerCase(Locale.ROOT);
        if (lower.length() != original.length()) {
            lower = lowerKeepingLength(original); // a few characters change length when lowercased
        }
        StringBuilder out = new StringBuilder(lower.length());
        int[] starts = withOffsets ? new int[lower.length() + 16] : null;
        int[] ends = withOffsets ? new int[lower.length() + 16] : null;
        int size = 0;
        List<int[]> words = words(lower);
        int copied = 0;
        int w = 0;
        while (w < words.size()) {
            int run = numberRun(lower, words, w);
            if (run == 0) {
                w++;
                continue;
            }
            int from = words.get(w)[0];
            int to = words.get(w + run - 1)[1];
            BigDecimal value = valueOf(lower, words, w, run).orElseThrow();
            out.append(lower, copied, from);
            String digits = value.toPlainString();
            out.append(digits);
            if (withOffsets) {
                int needed = size + (from - copied) + digits.length() + (lower.length() - to);
                if (needed > starts.length) {
                    starts = java.util.Arrays.copyOf(starts, Math.max(needed, starts.length * 2));
                    ends = java.util.Arrays.copyOf(ends, starts.length);
                }
                for (int i = copied; i < from; i++) {
                    starts[size] = i;
                    ends[size++] = i + 1;
                }
                for (int i = 0; i < digits.length(); i++) {
                    starts[size] = from;
                    ends[size++] = to;
                }
            }
            copied = to;
            w += run;
        }
        out.append(lower, copied, lower.length());
        if (!withOffsets) {
            return new NormalizedText(original, out.toString(), null, null);
        }
        int needed = size + (lower.length() - copied);
        if (needed > starts.length) {
            starts = java.util.Arrays.copyOf(starts, needed);
            ends = java.util.Arrays.copyOf(ends, needed);
        }
        for (int i = copied; i < lower.length(); i++) {
            starts[size] = i;
            ends[size++] = i + 1;
        }
        return new NormalizedText(original, out.toString(), java.util.Arrays.copyOf(starts, size),
                java.util.Arrays.copyOf(ends, size));
    }

    /** The runs of a-z letters ({@code [a-z]+}), as [start, end) pairs. */
    private static List<int[]> words(String lower) {
        List<int[]> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            boolean letter = c >= 'a' && c <= 'z';
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words.add(new int[] {start, i});
                start = -1;
            }
        }
        return words;
    }

    String text() {
        return text;
    }

    String original() {
        return original;
    }

    int originalStart(int normalizedStart) {
        return normalizedStart >= startOf.length ? original.length() : startOf[normalizedStart];
    }

    int originalEnd(int normalizedEnd) {
        return normalizedEnd <= 0 ? 0 : endOf[normalizedEnd - 1];
    }

    /**
     * The longest run of number words starting at word {@code w} that reads as one number, only
     * across single spaces or hyphens ("forty-two"). A lone "a", "and" or "point" is never a number.
     */
    private static int numberRun(String lower, List<int[]> words, int w) {
        int best = 0;
        int k = w;
        // every number word starts with one of these letters: most words are passed without a substring
        while (k < words.size() && "zotfsenhpa".indexOf(lower.charAt(words.get(k)[0])) >= 0
                && SpokenNumbers.isNumberWord(word(lower, words, k))) {
            if (k > w) {
                String gap = lower.substring(words.get(k - 1)[1], words.get(k)[0]);
                if (!gap.equals(" ") && !gap.equals("-")) {
                    break;
                }
            }
            k++;
            // a number cannot end right before a multiplier: in "five hundred five hundred" (said
            // twice) the second "five" belongs to the second "hundred", so the first number is 500
            boolean multiplierNext = k < words.size() && isMultiplier(word(lower, words, k))
                    && lower.substring(words.get(k - 1)[1], words.get(k)[0]).equals(" ");
            if (!multiplierNext && valueOf(lower, words, w, k - w).isPresent() && !onlyFillers(lower, words, w, k - w)) {
                best = k - w;
            }
        }
        return best;
    }

    private static boolean isMultiplier(String word) {
        return word.equals("hundred") || word.equals("thousand");
    }

    private static boolean onlyFillers(String lower, List<int[]> words, int w, int n) {
        for (int i = w; i < w + n; i++) {
            String s = word(lower, words, i);
            if (!s.equals("a") && !s.equals("and") && !s.equals("point") && !s.equals("oh")) {
                return false;
            }
        }
        return true;
    }

    private static Optional<BigDecimal> valueOf(String lower, List<int[]> words, int w, int n) {
        List<String> list = new ArrayList<>(n);
        for (int i = w; i < w + n; i++) {
            list.add(word(lower, words, i));
        }
        if (list.get(0).equals("and") || list.get(0).equals("oh")
                || (list.get(0).equals("a") && n == 1)) {
            return Optional.empty();
        }
        return SpokenNumbers.value(list);
    }

    private static String word(String lower, List<int[]> words, int i) {
        return lower.substring(words.get(i)[0], words.get(i)[1]);
    }

    private static String lowerKeepingLength(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            sb.append(Character.toLowerCase(s.charAt(i)));
        }
        return sb.toString();
    }

}
