package org.chartscribe.clinical;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts facts in a generated note that the transcript does not support: numbers, doses (a number
 * with a unit it was never said with), drug names and laterality words. Used by the eval command to
 * measure any engine (the target for the embedded engine is zero) and by the LLM note engine's
 * grounding check, which flags each finding in the note's warnings. Numbers said as words count
 * ("one forty over ninety" supports "140/90"), and drugs are recognised with the built-in
 * {@link DrugLexicon}, brand and generic names alike.
 *
 * <p>Findings carry only offsets into the note, never its words, so they can be counted or logged
 * without leaking the encounter.
 */
public final class InventedFacts {

    public enum Kind { NUMBER, DOSE, DRUG, LATERALITY }

    /** One unsupported fact at {@code note.substring(start, end)}. */
    public record Fact(Kind kind, int start, int end) {}

    // "1,000" is one number; "140/90" and "10:30" are two. A grouped number may follow dots that are
    // not a decimal point ("......1,000" is 1,000), but never the point of a decimal ("2.1,000").
    private static final Pattern NUMBER = Pattern.compile("(?<!\\d)(?<!\\d\\.)\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+(?:\\.\\d+)?");
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("(?i)(?<![\\d,])(?<!\\d\\.)(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s*"
            + "(mg|mcg|micrograms?|milligrams?|ml|milliliters?|cc|grams?|g|units?|iu|meq|mmol|%|percent|puffs?|tablets?|pills?)"
            + "(?![a-z])");
    private static final Pattern LATERALITY = Pattern.compile("(?i)\\b(left|right|bilateral|bilaterally|both sides)\\b");

    private InventedFacts() {}

    /**
     * What a transcript supports, read once: the numbers, doses and sides said (in digits or words) and
     * the generics of the drugs named. A note checked section by section reuses it rather than reading the
     * whole transcript again for each section.
     */
    public static final class Said {
        private final Set<String> numbers;
        private final Set<String> doses;
        private final Set<String> sides;
        private final Set<String> drugs;

        private Said(String transcript) {
            // what was said as words ("ninety eight point six") supports what the note writes in digits
            String spoken = SpokenNumbers.withDigits(transcript);
            numbers = numbersIn(transcript);
            numbers.addAll(numbersIn(spoken));
            doses = dosesIn(transcript);
            doses.addAll(dosesIn(spoken));
            sides = lateralityIn(transcript);
            drugs = new HashSet<>();
            for (DrugLexicon.DrugMention m : DrugLexicon.builtIn().find(transcript)) {
                drugs.add(m.drug().generic());
            }
        }
    }

    public static Said said(String transcript) {
        return new Said(transcript);
    }

    public static List<Fact> find(String transcript, String note) {
        return find(said(transcript), note);
    }

    /** The facts in {@code note} that what was said does not support, in note order. */
    public static List<Fact> find(Said said, String note) {
        List<Fact> facts = new ArrayList<>();
        Set<Integer> numbersReportedAsDose = new HashSet<>();
        Matcher dose = NUMBER_WITH_UNIT.matcher(note);
        while (dose.find()) {
            String number = canonicalNumber(dose.group(1));
            if (said.numbers.contains(number) && !said.doses.contains(doseKey(number, dose.group(2)))) {
                facts.add(new Fact(Kind.DOSE, dose.start(), dose.end()));
                numbersReportedAsDose.add(dose.start());
            }
        }
        Matcher number = NUMBER.matcher(note);
        while (number.find()) {
            if (!said.numbers.contains(canonicalNumber(number.group())) && !numbersReportedAsDose.contains(number.start())) {
                facts.add(new Fact(Kind.NUMBER, number.start(), number.end()));
            }
        }
        Matcher side = LATERALITY.matcher(note);
        while (side.find()) {
            if (!said.sides.contains(lateralityKey(side.group(1)))) {
                facts.add(new Fact(Kind.LATERALITY, side.start(), side.end()));
            }
        }
        // a drug is supported when the transcript names the same generic, by any of its names ("Advil" = ibuprofen)
        for (DrugLexicon.DrugMention m : DrugLexicon.builtIn().find(note)) {
            if (!said.drugs.contains(m.drug().generic())) {
                facts.add(new Fact(Kind.DRUG, m.start(), m.end()));
            }
        }
        facts.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return List.copyOf(facts);
    }

    public static int count(String transcript, String note) {
        return find(transcript, note).size();
    }

    private static Set<String> numbersIn(String transcript) {
        Set<String> found = new HashSet<>();
        Matcher m = NUMBER.matcher(transcript);
        while (m.find()) {
            found.add(canonicalNumber(m.group()));
        }
        return found;
    }

    private static Set<String> dosesIn(String transcript) {
        Set<String> found = new HashSet<>();
        Matcher m = NUMBER_WITH_UNIT.matcher(transcript);
        while (m.find()) {
            found.add(doseKey(canonicalNumber(m.group(1)), m.group(2)));
        }
        return found;
    }

    private static Set<String> lateralityIn(String transcript) {
        Set<String> found = new HashSet<>();
        Matcher m = LATERALITY.matcher(transcript);
        while (m.find()) {
            found.add(lateralityKey(m.group(1)));
        }
        if (BodySite.saidOnBothSides(transcript)) {
            found.add("bilateral"); // "both knees" supports a note's "bilateral knee ..."
        }
        if (found.contains("left") && found.contains("right")) {
            found.add("bilateral"); // "left and right" supports a note's "bilateral"
        }
        return found;
    }

    /** "1,000" -> "1000", "5.0" -> "5", "0.50" -> "0.5": the same quantity written two ways is one number. */
    static String canonicalNumber(String number) {
        try {
            return new BigDecimal(number.replace(",", "")).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return number;
        }
    }

    static String doseKey(String canonicalNumber, String unit) {
        return canonicalNumber + " " + canonicalUnit(unit);
    }

    static String canonicalUnit(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        return switch (u) {
            case "milligram", "milligrams" -> "mg";
            case "microgram", "micrograms" -> "mcg";
            case "milliliter", "milliliters", "cc" -> "ml";
            case "gram", "grams" -> "g";
            case "unit", "units", "iu" -> "unit";
            case "percent" -> "%";
            case "puff", "puffs" -> "puff";
            case "tablet", "tablets", "pill", "pills" -> "tablet";
            default -> u;
        };
    }

    private static String lateralityKey(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.startsWith("bilateral") || w.equals("both sides") ? "bilateral" : w;
    }
}
