package org.chartscribe.clinical;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Canonical forms of dose units, routes and frequencies, shared by medications and plan items. */
final class Dosing {

    static final String UNIT = "(mg|milligrams?|mcg|micrograms?|g|grams?|ml|milliliters?|cc|units?|iu|meq|%|percent|puffs?|"
            + "tablets?|pills?|capsules?|caps?|drops?|sprays?)";
    static final Pattern DOSE = Pattern.compile("(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*" + UNIT + "(?![a-z])");

    private static final Map<Pattern, String> ROUTES = ordered(
            "by mouth|orally|\\bpo\\b|\\boral\\b|pills?|tablets?|capsules?", "oral",
            "topical(?:ly)?|cream|ointment|gel\\b|lotion|apply", "topical",
            "inhaled|inhaler|inhalation|nebuli[sz]er|puffs?", "inhaled",
            "subcutaneous(?:ly)?|\\bsubq\\b|\\bsq\\b|injections?|injectable|shots?|pen\\b", "subcutaneous",
            "intravenous(?:ly)?|\\biv\\b|infusion", "intravenous",
            "intramuscular(?:ly)?|\\bim\\b", "intramuscular",
            "sublingual(?:ly)?|under the tongue", "sublingual",
            "nasal spray|nasal|nostril", "nasal",
            "eye drops?|ophthalmic|in (?:the|each|both) eyes?", "ophthalmic",
            "patch|transdermal", "transdermal",
            "rectal(?:ly)?|suppositor(?:y|ies)", "rectal");

    private static final Map<Pattern, String> FREQUENCIES = ordered(
            // the transcript's number words may already be digits ("3 times a day")
            "(?:four|4) times (?:a|per) day|(?:four|4) times daily|\\bqid\\b|q\\.i\\.d", "four times daily",
            "(?:three|3) times (?:a|per) day|(?:three|3) times daily|\\btid\\b|t\\.i\\.d", "three times daily",
            "twice (?:a|per) day|twice daily|(?:two|2) times (?:a|per) day|(?:two|2) times daily|\\bbid\\b|b\\.i\\.d"
                    + "|every 12 hours", "twice daily",
            "every (\\d+)(?: (?:to|or) (\\d+))? hours|q(\\d+)h\\b", "every N hours",
            "at bedtime|before bed|at night|nightly|every night|\\bqhs\\b", "at bedtime",
            "every morning|in the morning|each morning", "every morning",
            "every other day", "every other day",
            "once (?:a|per) week|weekly|every week", "weekly",
            "once (?:a|per) month|monthly|every month", "monthly",
            "(?:once|1 time) (?:a|per) day|once daily|every day|daily|a day|\\bqd\\b|per day", "daily",
            "as needed|\\bprn\\b|when needed|if needed", "as needed");

    private Dosing() {}

    static String route(String window) {
        for (Map.Entry<Pattern, String> e : ROUTES.entrySet()) {
            if (e.getKey().matcher(window).find()) {
                return e.getValue();
            }
        }
        return null;
    }

    static String frequency(String window) {
        for (Map.Entry<Pattern, String> e : FREQUENCIES.entrySet()) {
            Matcher m = e.getKey().matcher(window);
            if (m.find()) {
                if (e.getValue().equals("every N hours")) {
                    String hours = m.group(1) == null ? m.group(3) : m.group(2) == null ? m.group(1)
                            : m.group(1) + "-" + m.group(2);
                    return "every " + hours + " hours";
                }
                return e.getValue();
            }
        }
        return null;
    }

    static String unit(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        return switch (w) {
            case "milligram", "milligrams" -> "mg";
            case "microgram", "micrograms" -> "mcg";
            case "gram", "grams" -> "g";
            case "milliliter", "milliliters", "cc" -> "ml";
            case "unit", "units", "iu" -> "units";
            case "percent" -> "%";
            case "puff", "puffs" -> "puffs";
            case "tablet", "tablets", "pill", "pills" -> "tablets";
            case "capsule", "capsules", "cap", "caps" -> "capsules";
            case "drop", "drops" -> "drops";
            case "spray", "sprays" -> "sprays";
            default -> w;
        };
    }

    private static Map<Pattern, String> ordered(String... pairs) {
        Map<Pattern, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(Pattern.compile("(?:" + pairs[i] + ")"), pairs[i + 1]);
        }
        return map;
    }
}
