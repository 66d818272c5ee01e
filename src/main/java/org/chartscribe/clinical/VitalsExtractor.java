package org.chartscribe.clinical;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.clinical.Vital.Kind;

/**
 * Vital signs in spoken or written form. Patterns run on {@link NormalizedText} (spoken numbers as
 * digits) and check plausible ranges, so "6/10" is never a blood pressure and "pulse ox 97" never
 * a heart rate. Earlier patterns claim their span first.
 */
final class VitalsExtractor {

    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    // possessive: glue words never contain digits, so giving them back can never help a match
    private static final String GLUE = "(?:\\s*+(?:(?:is|was|of|at|about|around|today|now|reading|measured|came back|looks|"
            + "looked|it's|its|a)\\b|[:,-]))*+\\s*+";

    private static final Pattern SPO2 = Pattern.compile("\\b(?:oxygen saturation|o2 sat(?:uration)?s?|sat(?:uration)?s?|"
            + "spo2|pulse ox(?:imetry)?|oxygen level|sating|satting|o2)" + GLUE + "(\\d{2,3})(?:\\s*(?:%|percent))?");
    private static final Pattern SPO2_ROOM_AIR = Pattern.compile("\\b(\\d{2,3})\\s*(?:%|percent) on room air");
    private static final Pattern BP = Pattern.compile("(?:\\b(?:blood pressure|bp|pressure)" + GLUE + ")?"
            + "(?<![\\d.])(\\d{2,3})\\s*(?:/|over)\\s*(\\d{2,3})(?!\\d|\\.\\d)(?!\\s*out of)");
    private static final Pattern HR = Pattern.compile("\\b(?:heart rate|pulse(?! ox)|hr)" + GLUE + "(\\d{2,3})\\b"
            + "|\\b(\\d{2,3})\\s*(?:bpm|beats (?:per|a) minute)");
    private static final Pattern RR = Pattern.compile("\\b(?:respiratory rate|respirations|resp rate|rr|breathing rate)"
            + GLUE + "(\\d{1,2})\\b|\\b(\\d{1,2})\\s*breaths (?:per|a) minute");
    private static final Pattern TEMP = Pattern.compile("\\b(?:temperature|temp|fever of|febrile to|t ?max)" + GLUE
            + NUM + "\\s*(?:degrees?)?\\s*(fahrenheit|celsius|f|c)?\\b"
            + "|(?<![\\d.])" + NUM + "\\s*degrees?\\s*(fahrenheit|celsius|f|c)?\\b");
    private static final Pattern WEIGHT = Pattern.compile("\\b(?:weight|weighs|weigh|weighed|weighing)" + GLUE
            + "(\\d{2,3}(?:\\.\\d+)?)\\s*(pounds?|lbs?|kilograms?|kgs?|kilos?)?");
    private static final Pattern WEIGHT_CHANGE = Pattern.compile("\\b(?:lost|lose|losing|gained|gain|gaining|down|up|dropped)\\b");
    private static final Pattern HEIGHT_FEET = Pattern.compile("(?<![\\d.])(\\d)\\s*(?:foot|feet|ft|')\\s*(\\d{1,2})\\s*(?:inches|inch|in|\")?");
    private static final Pattern HEIGHT_CM = Pattern.compile("\\b(?:height|tall)" + GLUE + "(\\d{3})\\s*(?:cm|centimeters)"
            + "|(?<![\\d.])(\\d{3})\\s*(?:cm|centimeters) tall");
    private static final Pattern BMI = Pattern.compile("\\b(?:bmi|body mass index)" + GLUE + "(\\d{2}(?:\\.\\d+)?)");
    private static final Pattern PAIN_SCORE = Pattern.compile("(?<![\\d.])(\\d{1,2})\\s*(?:/|out of)\\s*10\\b");
    private static final Pattern PAIN_LEVEL = Pattern.compile("\\bpain(?: level| score| rating)?" + GLUE
            + "(\\d{1,2})\\b(?!\\s*(?:/|out of|to|days?|weeks?|months?|years?|hours?|times|mg|percent|%))");

    // Words one of which every match of the pattern above consumes: a numeric clause without any of them is
    // skipped, as the pattern could not match there (VitalsShortcutTest checks each against its pattern).
    private static final String[] SPO2_WORDS = {"o2", "sat", "oxygen", "pulse ox"};
    private static final String[] SPO2_ROOM_AIR_WORDS = {"room air"};
    private static final String[] PAIN_SCORE_WORDS = {"10"};
    private static final String[] BP_WORDS = {"/", "over"};
    private static final String[] HR_WORDS = {"heart rate", "pulse", "hr", "bpm", "beats"};
    private static final String[] RR_WORDS = {"resp", "rr", "breath"};
    private static final String[] TEMP_WORDS = {"temp", "fever of", "febrile to", "max", "degree"};
    private static final String[] WEIGHT_WORDS = {"weigh"};
    private static final String[] HEIGHT_CM_WORDS = {"cm", "centimeters"};
    private static final String[] BMI_WORDS = {"bmi", "body mass index"};
    private static final String[] PAIN_LEVEL_WORDS = {"pain"};

    private VitalsExtractor() {}

    static List<Vital> extract(NormalizedText nt) {
        List<Vital> found = new ArrayList<>();
        String t = nt.text();
        List<Clauses.Span> numeric = Clauses.of(t).stream().filter(c -> hasDigit(t, c)).toList();
        each(SPO2, SPO2_WORDS, numeric, t, m -> add(found, nt, m, Kind.OXYGEN_SATURATION, num(m.group(1)), null, "%", 50, 100));
        each(SPO2_ROOM_AIR, SPO2_ROOM_AIR_WORDS, numeric, t, m -> add(found, nt, m, Kind.OXYGEN_SATURATION, num(m.group(1)), null, "%", 50, 100));
        each(PAIN_SCORE, PAIN_SCORE_WORDS, numeric, t, m -> add(found, nt, m, Kind.PAIN, num(m.group(1)), null, "/10", 0, 10));
        each(BP, BP_WORDS, numeric, t, m -> {
            BigDecimal sys = num(m.group(1));
            BigDecimal dia = num(m.group(2));
            if (dia.intValue() >= 30 && dia.intValue() <= 160 && sys.compareTo(dia) > 0) {
                add(found, nt, m, Kind.BLOOD_PRESSURE, sys, dia, "mmHg", 60, 260);
            }
        });
        each(HR, HR_WORDS, numeric, t, m -> add(found, nt, m, Kind.HEART_RATE, num(first(m, 1, 2)), null, "bpm", 20, 250));
        each(RR, RR_WORDS, numeric, t, m -> add(found, nt, m, Kind.RESPIRATORY_RATE, num(first(m, 1, 2)), null, "breaths/min", 4, 60));
        each(TEMP, TEMP_WORDS, numeric, t, m -> {
            BigDecimal v = num(first(m, 1, 3));
            String unitWord = first(m, 2, 4);
            boolean celsius = unitWord != null ? unitWord.startsWith("c") : v.doubleValue() < 50;
            if (celsius) {
                add(found, nt, m, Kind.TEMPERATURE, v, null, "C", 34, 43);
            } else {
                add(found, nt, m, Kind.TEMPERATURE, v, null, "F", 93, 109);
            }
        });
        each(WEIGHT, WEIGHT_WORDS, numeric, t, m -> {
            String between = t.substring(Math.max(0, m.start() - 25), m.start(1));
            if (WEIGHT_CHANGE.matcher(between).find()) {
                return; // "lost weight, about 10 pounds" is a change, not the weight
            }
            String unit = m.group(2) == null || m.group(2).startsWith("p") || m.group(2).startsWith("l") ? "lb" : "kg";
            add(found, nt, m, Kind.WEIGHT, num(m.group(1)), null, unit, unit.equals("lb") ? 2 : 1, unit.equals("lb") ? 900 : 400);
        });
        each(HEIGHT_FEET, null, numeric, t, m -> {
            int inches = Integer.parseInt(m.group(1)) * 12 + Integer.parseInt(m.group(2));
            if (Integer.parseInt(m.group(2)) < 12) {
                add(found, nt, m, Kind.HEIGHT, BigDecimal.valueOf(inches), null, "in", 36, 96);
            }
        });
        each(HEIGHT_CM, HEIGHT_CM_WORDS, numeric, t, m -> add(found, nt, m, Kind.HEIGHT, num(first(m, 1, 2)), null, "cm", 50, 230));
        each(BMI, BMI_WORDS, numeric, t, m -> add(found, nt, m, Kind.BMI, num(m.group(1)), null, "kg/m2", 10, 80));
        each(PAIN_LEVEL, PAIN_LEVEL_WORDS, numeric, t, m -> add(found, nt, m, Kind.PAIN, num(m.group(1)), null, "/10", 0, 10));
        found.sort(Comparator.comparingInt(Vital::start));
        return List.copyOf(found);
    }

    private interface OnMatch {
        void accept(Matcher m);
    }

    /** Whether the clause holds one of the words (a match stays inside its clause, whatever it looks around). */
    private static boolean saysAny(String text, Clauses.Span clause, String[] words) {
        String said = text.substring(clause.start(), clause.end());
        for (String word : words) {
            if (said.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the pattern only over sentences that contain a digit (every vital has a number) and, when
     * {@code words} are given, one of them.
     */
    private static void each(Pattern pattern, String[] words, List<Clauses.Span> numeric, String text, OnMatch action) {
        Matcher m = pattern.matcher(text);
        for (Clauses.Span clause : numeric) {
            if (words != null && !saysAny(text, clause, words)) {
                continue;
            }
            m.region(clause.start(), clause.end());
            m.useTransparentBounds(true).useAnchoringBounds(false);
            while (m.find()) {
                action.accept(m);
            }
        }
    }

    private static boolean hasDigit(String text, Clauses.Span clause) {
        for (int i = clause.start(); i < clause.end(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Vital> found, NormalizedText nt, Matcher m, Kind kind, BigDecimal value,
                            BigDecimal second, String unit, double min, double max) {
        if (value.doubleValue() < min || value.doubleValue() > max) {
            return;
        }
        int start = nt.originalStart(m.start());
        int end = nt.originalEnd(m.end());
        while (end > start && Character.isWhitespace(nt.original().charAt(end - 1))) {
            end--; // optional trailing parts of a pattern may have consumed a space
        }
        for (Vital v : found) {
            if (start < v.end() && v.start() < end) {
                return; // an earlier, more specific pattern owns these words
            }
        }
        found.add(new Vital(kind, value, second, unit, start, end));
    }

    private static String first(Matcher m, int a, int b) {
        return m.group(a) != null ? m.group(a) : m.group(b);
    }

    private static BigDecimal num(String s) {
        return new BigDecimal(s);
    }
}
