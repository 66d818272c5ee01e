package org.chartscribe.clinical;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads number words the way clinicians say them: "ninety eight point six" = 98.6, "a hundred and
 * two" = 102, "one forty" = 140 (a digit word followed by a tens or teen word is the hundreds
 * shorthand of blood pressures and weights), "twelve hundred" = 1200.
 */
public final class SpokenNumbers {

    static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("oh", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    static final Map<String, Integer> TENS = Map.of(
            "twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);

    private SpokenNumbers() {}

    /**
     * The text lowercased with every spoken number written in digits: "BP one forty over ninety"
     * becomes "bp 140 over 90". Used to compare what was said with numbers written in a note.
     */
    public static String withDigits(String text) {
        return NormalizedText.textOf(text);
    }

    static boolean isNumberWord(String word) {
        return UNITS.containsKey(word) || TENS.containsKey(word) || word.equals("hundred") || word.equals("thousand")
                || word.equals("point") || word.equals("and") || word.equals("a");
    }

    /**
     * The value of lowercase number words, or empty when they do not form one number. "and" and a
     * leading "a" are allowed only where English puts them ("a hundred and two").
     */
    public static Optional<BigDecimal> value(List<String> words) {
        int point = words.indexOf("point");
        if (point >= 0) {
            Optional<BigDecimal> whole = point == 0 ? Optional.of(BigDecimal.ZERO) : value(words.subList(0, point));
            List<String> decimals = words.subList(point + 1, words.size());
            if (whole.isEmpty() || decimals.isEmpty()) {
                return Optional.empty();
            }
            StringBuilder digits = new StringBuilder();
            for (String d : decimals) { // decimals are read digit by digit: "point one five" = .15
                Integer v = UNITS.get(d);
                if (v == null || v > 9) {
                    return Optional.empty();
                }
                digits.append(v);
            }
            return Optional.of(new BigDecimal(whole.get().toPlainString() + "." + digits));
        }
        return wholeValue(words);
    }

    private static Optional<BigDecimal> wholeValue(List<String> words) {
        if (words.isEmpty() || words.get(words.size() - 1).equals("and")) {
            return Optional.empty();
        }
        // "one forty", "two twenty five", "one oh five": hundreds shorthand
        if (words.size() >= 2 && UNITS.containsKey(words.get(0)) && UNITS.get(words.get(0)) >= 1
                && UNITS.get(words.get(0)) <= 9 && !words.contains("hundred") && !words.contains("thousand")) {
            Optional<Integer> rest = belowHundred(words.subList(1, words.size()), true);
            // "one forty" and "one oh five" are shorthand; "five six" (times) is not a number
            if (rest.isPresent() && (rest.get() >= 10 || words.get(1).equals("oh"))) {
                return Optional.of(BigDecimal.valueOf(UNITS.get(words.get(0)) * 100L + rest.get()));
            }
            return Optional.empty();
        }
        long total = 0;
        long current = 0;
        boolean any = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("a") && i == 0 && words.size() > 1
                    && (words.get(1).equals("hundred") || words.get(1).equals("thousand"))) {
                current = 1;
            } else if (w.equals("and")) {
                if (!any) {
                    return Optional.empty();
                }
            } else if (w.equals("hundred")) {
                if (current >= 100) {
                    return Optional.empty(); // "five hundred five hundred" is a repetition, not 50500
                }
                current = (current == 0 ? 1 : current) * 100;
                any = true;
            } else if (w.equals("thousand")) {
                total += (current == 0 ? 1 : current) * 1000;
                current = 0;
                any = true;
            } else {
                Optional<Integer> small = belowHundred(List.of(w), false);
                if (small.isEmpty()) {
                    return Optional.empty();
                }
                // "twenty five" is one group; "five twenty" would have been the shorthand above
                if (current % 100 != 0 && !(TENS.containsValue((int) (current % 100)) && small.get() < 10)) {
                    return Optional.empty();
                }
                current += small.get();
                any = true;
            }
        }
        return any ? Optional.of(BigDecimal.valueOf(total + current)) : Optional.empty();
    }

    /** 0..99 from "seven", "forty", "forty two", and with {@code allowOh} "oh five" (= 5). */
    private static Optional<Integer> belowHundred(List<String> words, boolean allowOh) {
        if (words.size() == 1) {
            String w = words.get(0);
            if (UNITS.containsKey(w) && !w.equals("oh")) {
                return Optional.of(UNITS.get(w));
            }
            return Optional.ofNullable(TENS.get(w));
        }
        if (words.size() == 2) {
            Integer tens = TENS.get(words.get(0));
            Integer unit = UNITS.get(words.get(1));
            if (tens != null && unit != null && unit >= 1 && unit <= 9 && !words.get(1).equals("oh")) {
                return Optional.of(tens + unit);
            }
            if (allowOh && words.get(0).equals("oh") && unit != null && unit <= 9) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }
}
