package org.chartscribe.coding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Office or outpatient E/M level (99202-99205, 99211-99215) by the 2021 rules: medical decision
 * making is the middle of three elements (problems, data, risk), or total time on the date of the
 * visit when the clinician states it; the higher of the two is suggested.
 */
public final class OfficeVisitLevel {

    /** Straightforward, low, moderate, high (and minimal for the problem element only). */
    public enum Level { MINIMAL, STRAIGHTFORWARD, LOW, MODERATE, HIGH }

    /** The three MDM elements as found, for the rationale. */
    public record Mdm(Level problems, Level data, Level risk) {
        public Level overall() {
            Level[] sorted = {problems, data, risk};
            Arrays.sort(sorted);
            // Two of three elements must meet the level: the middle one decides.
            return sorted[1] == Level.MINIMAL ? Level.STRAIGHTFORWARD : sorted[1];
        }
    }

    public record Visit(String code, String rationale) {}

    private static final Pattern MINUTES = Pattern.compile(
            "(?:spent|total(?: time)?(?: of| was| today)?|face[- ]to[- ]face(?: for)?|met(?: for)?|talked(?: for)?|"
                    + "session (?:lasted|was)(?: for)?)\\s+(?:about |over |more than |approximately )?(\\d{2,3}) ?(?:minutes|mins?)\\b"
                    + "|(\\d{2,3}) ?(?:minutes|mins?) (?:in total|total|of total time|spent)",
            Pattern.CASE_INSENSITIVE);
    /** What every {@link #MINUTES} match contains. */
    private static final Pattern MINUTES_SAID = Pattern.compile("\\d ?min", Pattern.CASE_INSENSITIVE);
    /** Minor procedures done or decided on: low risk under the 2021 table. */
    private static final Pattern MINOR_PROCEDURE = Pattern.compile(
            "\\b(?:injection|inject|aspirat\\w*|drain|splint|stitches|sutures|biopsy|freeze|cryotherapy)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final String[] TESTS = {"x-ray", "xray", "x ray", "mri", "ct scan", "cat scan", "ultrasound",
            "echocardiogram", "echo", "ekg", "ecg", "electrocardiogram", "a1c", "lipid panel", "cbc", "blood count",
            "metabolic panel", "cmp", "bmp", "urinalysis", "urine culture", "blood work", "bloodwork", "labs",
            "stress test", "pulmonary function", "thyroid panel", "tsh", "psa", "culture", "biopsy", "mammogram",
            "colonoscopy", "endoscopy", "titer", "western blot", "panel", "nerve conduction", "emg", "bone density"};
    /** All tests as one word-bounded alternation, longest first, read in one pass (the coder's budget is 2 ms). */
    private static final Pattern TEST_WORDS = Pattern.compile("\\b(?:" + java.util.Arrays.stream(TESTS)
            .sorted(java.util.Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
            .collect(java.util.stream.Collectors.joining("|")) + ")\\b");
    private static final java.util.Set<String> TEST_FIRST_WORDS = java.util.Arrays.stream(TESTS)
            .map(t -> t.split("[^a-z0-9]", 2)[0]).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Pattern INDEPENDENT_INTERPRETATION = Pattern.compile(
            "\\b(?:i|we) (?:reviewed|looked at|read|took a look at|interpreted) (?:the |your |his |her )?(?:x-?rays?|images?|ekg|ecg|mri|ct|scan|films?)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PRESCRIPTION = Pattern.compile(
            "\\b(?:prescri(?:be|bed|ption)|refill|start (?:you|him|her|them) on|increase (?:your|the|his|her)|"
                    + "decrease (?:your|the|his|her)|adjust (?:your|the|his|her)|switch (?:you|him|her) to|"
                    + "continue (?:your|the|his|her|on)|\\d+ ?(?:mg|mcg|milligrams?)\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern OVER_THE_COUNTER = Pattern.compile(
            "\\b(?:over the counter|tylenol|ibuprofen|advil|motrin|aleve|acetaminophen|physical therapy|ice|rest)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SURGERY_DECISION = Pattern.compile(
            "\\b(?:surgery|surgical (?:repair|intervention|option)|operate|operation)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOSPITAL = Pattern.compile(
            "\\b(?:admit (?:you|him|her)|hospitali[sz]|go (?:straight )?to the (?:hospital|emergency)|call 911)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORSENING = Pattern.compile(
            "\\b(?:worse|worsening|uncontrolled|not (?:well )?controlled|flare|exacerbation|progress(?:ed|ing)|elevated|"
                    + "increase (?:your|the|his|her) (?:dose|medication))", Pattern.CASE_INSENSITIVE);
    private static final List<String> CHRONIC = List.of("I10", "I11", "I12", "I13", "I25", "I48", "I50", "E10", "E11",
            "E03", "E05", "E78", "E66", "J44", "J45", "F17", "F3", "F41", "F43.1", "F90", "K21", "K58", "M06", "M10",
            "M1A", "M15", "M16", "M17", "M19", "M54", "M79.7", "G89", "G40", "G43", "G47", "N18", "N40", "B18", "B20",
            "D50", "D64", "C", "Z94", "L40", "L20");

    private OfficeVisitLevel() {}

    public static Mdm mdm(List<String> icd10, String transcript) {
        return new Mdm(problems(icd10, transcript), data(transcript), risk(transcript));
    }

    static Level problems(List<String> icd10, String transcript) {
        long chronic = icd10.stream().filter(OfficeVisitLevel::isChronic).count();
        boolean worsening = WORSENING.matcher(transcript).find();
        boolean complicatedInjury = icd10.stream().anyMatch(c -> c.startsWith("S") && c.matches("S\\d2.*"));
        if (chronic >= 1 && worsening || chronic >= 2 || complicatedInjury) {
            return Level.MODERATE;
        }
        if (chronic == 1 || icd10.stream().anyMatch(c -> !c.startsWith("Z"))) {
            return Level.LOW;
        }
        return icd10.isEmpty() ? Level.MINIMAL : Level.STRAIGHTFORWARD;
    }

    static Level data(String transcript) {
        String lower = transcript.toLowerCase(Locale.ROOT);
        int tests = 0;
        List<String> seen = new ArrayList<>();
        java.util.Set<String> present = new java.util.HashSet<>();
        // the alternation is tried only where a word starts (what its leading \\b allows), not at every character
        Matcher named = TEST_WORDS.matcher(lower);
        int at = 0;
        while (at < lower.length()) {
            if (!Character.isLetterOrDigit(lower.charAt(at)) || at > 0 && isWordChar(lower.charAt(at - 1))) {
                at++;
                continue;
            }
            int wordEnd = at;
            while (wordEnd < lower.length() && Character.isLetterOrDigit(lower.charAt(wordEnd))) {
                wordEnd++;
            }
            // a test can match here only if its first word is this word ("x" of "x-ray", "blood" of "blood work")
            if (TEST_FIRST_WORDS.contains(lower.substring(at, wordEnd)) && named.region(at, lower.length()).lookingAt()) {
                present.add(named.group());
                at = named.end();
            } else {
                at = wordEnd;
            }
        }
        for (String test : TESTS) {
            if (present.contains(test)
                    && seen.stream().noneMatch(s -> s.contains(test) || test.contains(s))) {
                seen.add(test);
                tests++;
            }
        }
        boolean interpretation = INDEPENDENT_INTERPRETATION.matcher(transcript).find();
        if (tests >= 3 && interpretation) {
            return Level.HIGH;
        }
        if (tests >= 3 || interpretation) {
            return Level.MODERATE;
        }
        return tests == 2 ? Level.LOW : Level.STRAIGHTFORWARD;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    static Level risk(String transcript) {
        if (HOSPITAL.matcher(transcript).find()) {
            return Level.HIGH;
        }
        if (PRESCRIPTION.matcher(transcript).find() || SURGERY_DECISION.matcher(transcript).find()) {
            return Level.MODERATE;
        }
        return OVER_THE_COUNTER.matcher(transcript).find() || MINOR_PROCEDURE.matcher(transcript).find()
                ? Level.LOW : Level.STRAIGHTFORWARD;
    }

    /** Total minutes when the clinician states them, else -1. */
    public static int statedMinutes(String transcript) {
        if (!MINUTES_SAID.matcher(transcript).find()) {
            return -1; // every statement of time names its minutes in digits: one cheap pass finds none
        }
        Matcher m = MINUTES.matcher(transcript);
        int best = -1;
        while (m.find()) {
            best = Math.max(best, Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        return best;
    }

    public static Visit choose(Mdm mdm, int minutes, boolean newPatient) {
        int byMdm = switch (mdm.overall()) {
            case MINIMAL, STRAIGHTFORWARD -> 2;
            case LOW -> 3;
            case MODERATE -> 4;
            case HIGH -> 5;
        };
        int byTime = minutes < 0 ? 0 : timeLevel(minutes, newPatient);
        String mdmWhy = "MDM " + mdm.overall().name().toLowerCase(Locale.ROOT) + " (problems "
                + mdm.problems().name().toLowerCase(Locale.ROOT) + ", data " + mdm.data().name().toLowerCase(Locale.ROOT)
                + ", risk " + mdm.risk().name().toLowerCase(Locale.ROOT) + ")";
        int level = Math.max(byMdm, byTime);
        String why = byTime > byMdm ? "total time " + minutes + " minutes; " + mdmWhy : mdmWhy
                + (minutes >= 0 ? "; stated time " + minutes + " minutes" : "");
        String code = (newPatient ? "9920" : "9921") + level;
        return new Visit(code, (newPatient ? "new patient; " : "established patient; ") + why);
    }

    /** 2021 time thresholds (total time on the date of the encounter). */
    static int timeLevel(int minutes, boolean newPatient) {
        int[] thresholds = newPatient ? new int[] {15, 30, 45, 60} : new int[] {10, 20, 30, 40};
        int level = 0;
        for (int i = 0; i < thresholds.length; i++) {
            if (minutes >= thresholds[i]) {
                level = i + 2;
            }
        }
        return level;
    }

    private static boolean isChronic(String code) {
        return CHRONIC.stream().anyMatch(code::startsWith);
    }
}
