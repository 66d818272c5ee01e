package org.chartscribe.note.embedded;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.clinical.SpokenNumbers;

/**
 * Writes counts and doses the way notes do: a spoken number before a unit or a time word becomes
 * digits ("three times a day" -> "3 times a day", "six out of ten" -> "6 out of 10"), and
 * "milligrams" becomes "mg". The value is the one said, read by {@link SpokenNumbers}, so the
 * grounding guard, which reads the transcript the same way, finds it there.
 */
final class NoteNumbers {

    private static final Set<String> NUMBER_WORDS = Set.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
            "hundred", "thousand", "point");

    /** Words after which a number is a count or a measure, as notes write with digits. */
    private static final Set<String> UNITS = Set.of("times", "days", "weeks", "months", "years", "hours", "minutes",
            "mg", "milligram", "milligrams", "mcg", "micrograms", "pounds", "lbs", "percent", "tablets", "pills",
            "units", "puffs", "drops", "episodes", "cups", "drinks", "packs", "beers", "glasses", "nights", "seconds",
            "degrees", "cigarettes", "refills", "doses", "sessions", "sets", "reps", "kilograms", "inches", "miles",
            "blocks", "steps", "flights", "out", "milliliters", "ml", "liters", "ounces", "servings", "centimeters",
            "millimeters", "mm", "cm", "kg", "week", "month", "year", "day", "hour", "minute", "weeks'", "grams");

    private static final Pattern WORD = Pattern.compile("[A-Za-z]+'?");
    private static final Pattern OUT_OF = Pattern.compile("(?i)\\b(\\d+(?:\\.\\d+)?) out of ten\\b");
    private static final Pattern MILLIGRAMS = Pattern.compile("(?i)(\\d)\\s*milligrams?\\b");
    private static final Pattern MICROGRAMS = Pattern.compile("(?i)(\\d)\\s*micrograms?\\b");

    private NoteNumbers() {}

    static String digits(String s) {
        List<int[]> words = new ArrayList<>();
        Matcher m = WORD.matcher(s);
        while (m.find()) {
            words.add(new int[] {m.start(), m.end()});
        }
        StringBuilder out = new StringBuilder(s.length());
        int copied = 0;
        for (int w = 0; w < words.size(); w++) {
            int run = 0;
            while (w + run < words.size() && (isNumberWord(s, words.get(w + run), run == 0) || joinsNumber(s, words, w, run))
                    && (run == 0 || adjacent(s, words.get(w + run - 1), words.get(w + run)))) {
                run++;
            }
            if (run == 0) {
                continue;
            }
            boolean hasNext = w + run < words.size() && adjacent(s, words.get(w + run - 1), words.get(w + run));
            String next = hasNext ? word(s, words.get(w + run)) : "";
            String previous = w > 0 ? word(s, words.get(w - 1)) : "";
            List<String> said = new ArrayList<>();
            for (int i = 0; i < run; i++) {
                said.add(word(s, words.get(w + i)));
            }
            Optional<BigDecimal> value = SpokenNumbers.value(said);
            // "point five": the whole number was not said in words, so the words stay
            if (value.isEmpty() || value.get().signum() == 0 || previous.equals("point")
                    || !worthDigits(said, value.get(), next, previous)) {
                w += run - 1;
                continue;
            }
            out.append(s, copied, words.get(w)[0]).append(value.get().stripTrailingZeros().toPlainString());
            copied = words.get(w + run - 1)[1];
            w += run - 1;
        }
        out.append(s.substring(copied));
        String result = OUT_OF.matcher(out).replaceAll("$1 out of 10");
        result = MILLIGRAMS.matcher(result).replaceAll("$1 mg");
        return MICROGRAMS.matcher(result).replaceAll("$1 mcg");
    }

    /**
     * Digits for a count before a unit ("3 times", but "one" alone stays a word), for any number of ten
     * or more ("fifty eight"), and for a blood pressure's "one twenty over eighty". The shorthand "one
     * twenty" means 120 only next to "over": elsewhere it may be "one twenty-minute walk".
     */
    private static boolean worthDigits(List<String> said, BigDecimal value, String next, String previous) {
        boolean bloodPressure = next.equals("over") || previous.equals("over");
        boolean shorthand = said.size() >= 2 && ONES.contains(said.get(0)) && !said.contains("hundred")
                && !said.contains("thousand") && !said.contains("point");
        if (shorthand && !bloodPressure) {
            return false;
        }
        if (UNITS.contains(next)) {
            return !(said.size() == 1 && said.get(0).equals("one"));
        }
        return value.compareTo(BigDecimal.TEN) >= 0 || bloodPressure;
    }

    private static final Set<String> ONES = Set.of("one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine");

    /** "two thousand and seven", "two hundred and sixty": "and" inside a number, as the transcript reader takes it. */
    private static boolean joinsNumber(String s, List<int[]> words, int w, int run) {
        if (run == 0 || w + run + 1 >= words.size() || !word(s, words.get(w + run)).equals("and")) {
            return false;
        }
        String before = word(s, words.get(w + run - 1));
        return (before.equals("hundred") || before.equals("thousand"))
                && isNumberWord(s, words.get(w + run + 1), false);
    }

    private static boolean isNumberWord(String s, int[] span, boolean first) {
        String w = word(s, span);
        return NUMBER_WORDS.contains(w) && !(first && (w.equals("point") || w.equals("hundred") || w.equals("thousand")));
    }

    private static boolean adjacent(String s, int[] a, int[] b) {
        return s.substring(a[1], b[0]).equals(" ") || s.substring(a[1], b[0]).equals("-");
    }

    private static String word(String s, int[] span) {
        return s.substring(span[0], span[1]).toLowerCase(Locale.ROOT);
    }
}
