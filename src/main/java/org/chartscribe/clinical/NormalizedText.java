package org.chartscribe.clinical;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lowercase copy of a text in which spoken numbers are written as digits ("one forty over
 * ninety" becomes "140 over 90"), with a map back to the original offsets. Extractors run their
 * patterns on {@link #text()} and report {@link #originalStart}/{@link #originalEnd}, so every
 * record points at the words that were actually said.
 */
final class NormalizedText {

    private static final Pattern WORD = Pattern.compile("[a-z]+");

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
        String lower = original.toLowerCase(Locale.ROOT);
        if (lower.length() != original.length()) {
            lower = lowerKeepingLength(original); // a few characters change length when lowercased
        }
        StringBuilder out = new StringBuilder(lower.length());
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        List<int[]> words = new ArrayList<>();
        Matcher m = WORD.matcher(lower);
        while (m.find()) {
            words.add(new int[] {m.start(), m.end()});
        }
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
            for (int i = copied; i < from; i++) {
                out.append(lower.charAt(i));
                starts.add(i);
                ends.add(i + 1);
            }
            for (char c : value.toPlainString().toCharArray()) {
                out.append(c);
                starts.add(from);
                ends.add(to);
            }
            copied = to;
            w += run;
        }
        for (int i = copied; i < lower.length(); i++) {
            out.append(lower.charAt(i));
            starts.add(i);
            ends.add(i + 1);
        }
        return new NormalizedText(original, out.toString(), toArray(starts), toArray(ends));
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
        while (k < words.size() && SpokenNumbers.isNumberWord(word(lower, words, k))) {
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

    private static int[] toArray(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }
}
