package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.clinical.BodySite;
import org.chartscribe.clinical.MatchStarts;
import org.chartscribe.clinical.WordPhrases;
import org.chartscribe.clinical.SpokenNumbers;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.NoteWarning;
import org.chartscribe.note.SoapPart;

/**
 * The last line of defence against invented facts: every number, unit after a number, and
 * laterality word in the composed note must occur in the transcript. Anything else is removed and
 * reported as {@code UNSUPPORTED_FACT} (the warning names the kind of fact, never its value).
 */
final class GroundingGuard {

    record Result(Map<SoapPart, List<NoteSection>> sections, List<NoteWarning> warnings) {}

    static final String CODE = "UNSUPPORTED_FACT";

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,/:]\\d+)*");
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile(
            "(?i)(\\d+(?:[.,/:]\\d+)*)\\s*(mg|mcg|milligrams?|micrograms?|ml|milliliters?|grams?|g|kg|kilograms?|lbs?|"
                    + "pounds?|units?|mmhg|bpm|%|percent|cc|meq|iu|degrees?|cm|mm|inches|feet)(?![a-z])");
    // the lookahead on the first letter lets the matcher pass most positions without the word-boundary test
    private static final Pattern LATERALITY = Pattern.compile("(?i)(?=[lrb])\\b(left|right|bilateral|bilaterally)\\b");


    /** A vital sign's label whose value was just removed ("BP, HR 72."): the label goes with its value. */
    private static final Pattern VITAL_LABEL_ALONE = Pattern.compile("(?:^|(?<=[,:] ))(?:BP|HR|RR|Temp|SpO2|Weight|"
            + "Height|BMI|Pulse)\\s*(?:,\\s*|(?=\\.(?!\\d))|$)");

    private GroundingGuard() {}

    static Result check(String transcript, Map<SoapPart, List<NoteSection>> sections) {
        Set<String> numbers = collect(NUMBER, transcript, 0);
        Set<String> unitPairs = unitPairs(transcript);
        Set<String> noteNumbers = new HashSet<>();
        Set<String> notePairs = new HashSet<>();
        for (List<NoteSection> list : sections.values()) {
            for (NoteSection section : list) {
                noteNumbers.addAll(collect(NUMBER, section.text(), 0));
                notePairs.addAll(unitPairs(section.text()));
            }
        }
        if (!numbers.containsAll(noteNumbers) || !unitPairs.containsAll(notePairs)) {
            // numbers said as words ("three times a day") support the digits the note writes for them;
            // reading them is the guard's most expensive step, so only when the digits are not found as written
            String spoken = SpokenNumbers.withDigits(transcript);
            numbers.addAll(collect(NUMBER, spoken, 0));
            unitPairs.addAll(unitPairs(spoken));
            // "130 over 80" supports the "130/80" a vital-signs line writes, and only that pair
            numbers.addAll(overPairs(transcript));
            numbers.addAll(overPairs(spoken));
        }
        Set<String> sides = sidesSaid(transcript);
        if (sides.contains("bilaterally") || BodySite.saidOnBothSides(transcript)) {
            sides.addAll(Set.of("bilateral", "bilaterally")); // what a note writes for "on both sides"
        }

        List<NoteWarning> warnings = new ArrayList<>();
        Map<SoapPart, List<NoteSection>> out = new EnumMap<>(SoapPart.class);
        for (Map.Entry<SoapPart, List<NoteSection>> entry : sections.entrySet()) {
            List<NoteSection> checked = new ArrayList<>();
            for (NoteSection section : entry.getValue()) {
                String text = section.text();
                String cleaned = removeUnsupportedUnits(text, numbers, unitPairs);
                cleaned = removeUnsupported(cleaned, NUMBER, 0, numbers);
                cleaned = removeUnsupported(cleaned, LATERALITY, 1, sides);
                if (!cleaned.equals(text)) {
                    cleaned = tidy(VITAL_LABEL_ALONE.matcher(cleaned).replaceAll(""));
                    warnings.add(new NoteWarning(CODE, entry.getKey().key(), "A number, unit or laterality word "
                            + "not found in the transcript was removed from \"" + section.heading() + "\"."));
                }
                checked.add(new NoteSection(section.heading(), cleaned, section.evidence()));
            }
            out.put(entry.getKey(), checked);
        }
        return new Result(out, warnings);
    }

    private static String removeUnsupportedUnits(String text, Set<String> numbers, Set<String> unitPairs) {
        Matcher m = NUMBER_WITH_UNIT.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            boolean numberKnown = numbers.contains(m.group(1));
            boolean pairKnown = unitPairs.contains(pair(m.group(1), m.group(2)));
            // an unknown number goes with its unit; a known number keeps only a unit it was said with
            String replacement = !numberKnown ? "" : pairKnown ? m.group() : m.group(1);
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String removeUnsupported(String text, Pattern pattern, int group, Set<String> known) {
        Matcher m = pattern.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = m.group(group).toLowerCase(Locale.ROOT);
            m.appendReplacement(sb, known.contains(value) ? Matcher.quoteReplacement(m.group()) : "");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static Set<String> unitPairs(String text) {
        Set<String> pairs = new HashSet<>();
        Matcher um = NUMBER_WITH_UNIT.matcher(text);
        while (um.find()) {
            pairs.add(pair(um.group(1), um.group(2)));
        }
        return pairs;
    }

    private static Set<String> collect(Pattern pattern, String text, int group) {
        Set<String> found = new HashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(group).toLowerCase(Locale.ROOT));
        }
        return found;
    }

    /** {@link #LATERALITY}'s words: over a whole transcript the pattern is tried only where one is said. */
    private static final WordPhrases SIDE_WORDS = WordPhrases.ignoringCase("left", "right", "bilateral", "bilaterally");

    static Set<String> sidesSaid(String transcript) {
        return sidesSaid(transcript, true);
    }

    /** @param shortcut false: the pattern tried at every position, as a plain find (for tests of the shortcut) */
    static Set<String> sidesSaid(String transcript, boolean shortcut) {
        Set<String> found = new HashSet<>();
        MatchStarts.forEach(LATERALITY, transcript, shortcut ? MatchStarts.phraseAt(transcript, SIDE_WORDS) : at -> true,
                m -> found.add(m.group(1).toLowerCase(Locale.ROOT)));
        return found;
    }

    // a full stop after the pair ends the sentence; only a decimal part ("90.5") makes it another number
    private static final Pattern OVER = Pattern.compile("(?i)(?<![\\d.])(\\d{2,3}) over (\\d{2,3})(?!\\d|\\.\\d)");

    static Set<String> overPairs(String text) {
        return overPairs(text, true);
    }

    /** @param shortcut false: the pattern tried at every position, as a plain find (for tests of the shortcut) */
    static Set<String> overPairs(String text, boolean shortcut) {
        Set<String> found = new HashSet<>();
        MatchStarts.forEach(OVER, text, shortcut ? at -> mayStartOver(text, at) : at -> true,
                m -> found.add(m.group(1) + "/" + m.group(2)));
        return found;
    }

    /** {@link #OVER} is tried only at a digit two or three characters before " over " (in any case). */
    private static boolean mayStartOver(String text, int at) {
        return at < text.length() && Character.isDigit(text.charAt(at))
                && (text.regionMatches(true, at + 2, " over ", 0, 6) || text.regionMatches(true, at + 3, " over ", 0, 6));
    }

    private static String pair(String number, String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        u = switch (u) {
            case "milligram", "milligrams" -> "mg";
            case "microgram", "micrograms" -> "mcg";
            case "milliliter", "milliliters" -> "ml";
            case "gram", "grams" -> "g";
            case "kilogram", "kilograms" -> "kg";
            case "lb", "lbs", "pound", "pounds" -> "lb";
            case "percent" -> "%";
            default -> u.endsWith("s") && u.length() > 2 ? u.substring(0, u.length() - 1) : u;
        };
        return number + " " + u;
    }

    /**
     * Spaces and punctuation left by a removal. A space before a point is kept when a digit follows: ".7"
     * is a number, and joining it to the word before ("3/4 .7" to "3/4.7") would write a new one (found
     * by EmbeddedEngineFuzzTest); so is a comma before such a point ("1, .7" is not "1.7").
     */
    private static String tidy(String text) {
        // lines stay lines: a word removed at a line's start leaves a space to drop, not a line to join
        String tidied = text.replaceAll("[ \\t]{2,}", " ").replaceAll("(?m)^[ \\t]+|[ \\t]+$", "")
                .replaceAll("[ \\t]+([,.;:])(?!\\d)", "$1")
                .replaceAll("([,;])\\s*([.])(?!\\d)", "$2").trim();
        // a line or sentence that opened on the removed word opens on the next one, capitalised
        return LOWER_OPENING.matcher(tidied).replaceAll(m -> m.group(1) + m.group(2).toUpperCase(Locale.ROOT));
    }

    private static final Pattern LOWER_OPENING = Pattern.compile("(?m)(^(?:- )?|[.!?] )([a-z])");
}
