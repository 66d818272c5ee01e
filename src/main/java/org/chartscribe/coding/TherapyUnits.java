package org.chartscribe.coding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.note.BillingCodes.Procedure;

/**
 * Physical and occupational therapy: the evaluation's complexity, and timed services counted by the
 * CMS 8-minute rule (total timed minutes give the units; each full 15 minutes goes to its service,
 * the units left over go to the services with the most remaining minutes).
 */
final class TherapyUnits {

    private static final Map<String, String> TIMED = new LinkedHashMap<>();

    static {
        TIMED.put("therapeutic exercise", "97110");
        TIMED.put("exercises", "97110");
        TIMED.put("neuromuscular re-education", "97112");
        TIMED.put("neuromuscular reeducation", "97112");
        TIMED.put("balance training", "97112");
        TIMED.put("gait training", "97116");
        TIMED.put("manual therapy", "97140");
        TIMED.put("soft tissue mobilization", "97140");
        TIMED.put("joint mobilization", "97140");
        TIMED.put("therapeutic activities", "97530");
        TIMED.put("functional activities", "97530");
        TIMED.put("ultrasound", "97035");
    }

    private static final String SERVICE = String.join("|", TIMED.keySet());
    private static final Pattern MINUTES_BEFORE = Pattern.compile(
            "(\\d{1,3}) ?(?:minutes|mins?) (?:of )?(" + SERVICE + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern MINUTES_AFTER = Pattern.compile(
            "(" + SERVICE + ")[^.\\n]{0,20}?(?:for )?(\\d{1,3}) ?(?:minutes|mins?)", Pattern.CASE_INSENSITIVE);

    private TherapyUnits() {}

    static List<Procedure> suggest(CptCoder.Input in, CptCodeSet codes, boolean occupational) {
        List<Procedure> out = new ArrayList<>();
        if (CptCoder.isEvaluation(in.transcript())) {
            out.add(evaluation(in, codes, occupational));
        }
        Map<String, Integer> minutes = minutesByCode(in.transcript());
        units(minutes).forEach((code, units) -> out.add(new Procedure(code, codes.description(code), 0.7,
                units + " unit" + (units == 1 ? "" : "s") + " (" + minutes.get(code) + " minutes; 8-minute rule over "
                        + minutes.values().stream().mapToInt(Integer::intValue).sum() + " timed minutes)")));
        return out;
    }

    /** Complexity from the comorbidities and history the note codes besides the treated problem. */
    private static Procedure evaluation(CptCoder.Input in, CptCodeSet codes, boolean occupational) {
        long comorbidities = in.icd10().stream().skip(1).filter(c -> !c.startsWith("Z")).count();
        int level = comorbidities == 0 ? 1 : comorbidities <= 2 ? 2 : 3;
        String code = occupational ? "9716" + (4 + level) : "9716" + level;
        String[] names = {"", "low", "moderate", "high"};
        return new Procedure(code, codes.description(code), 0.6, "evaluation, " + names[level] + " complexity: "
                + comorbidities + " comorbidity or history code(s) besides the treated problem");
    }

    static Map<String, Integer> minutesByCode(String transcript) {
        Map<String, Integer> minutes = new LinkedHashMap<>();
        Matcher before = MINUTES_BEFORE.matcher(transcript);
        while (before.find()) {
            minutes.merge(TIMED.get(before.group(2).toLowerCase(java.util.Locale.ROOT)), Integer.parseInt(before.group(1)), Integer::sum);
        }
        if (minutes.isEmpty()) {
            Matcher after = MINUTES_AFTER.matcher(transcript);
            while (after.find()) {
                minutes.merge(TIMED.get(after.group(1).toLowerCase(java.util.Locale.ROOT)), Integer.parseInt(after.group(2)), Integer::sum);
            }
        }
        return minutes;
    }

    /** CMS 8-minute rule: units from total timed minutes, assigned by full 15s then largest remainders. */
    static Map<String, Integer> units(Map<String, Integer> minutes) {
        int total = minutes.values().stream().mapToInt(Integer::intValue).sum();
        int totalUnits = total < 8 ? 0 : (total - 8) / 15 + 1;
        Map<String, Integer> units = new LinkedHashMap<>();
        Map<String, Integer> remainder = new LinkedHashMap<>();
        int assigned = 0;
        for (Map.Entry<String, Integer> e : minutes.entrySet()) {
            int full = e.getValue() / 15;
            units.put(e.getKey(), full);
            remainder.put(e.getKey(), e.getValue() % 15);
            assigned += full;
        }
        List<String> byRemainder = new ArrayList<>(remainder.keySet());
        byRemainder.sort(Comparator.comparingInt((String c) -> -remainder.get(c)));
        for (int i = 0; assigned < totalUnits && i < byRemainder.size(); i++) {
            units.merge(byRemainder.get(i), 1, Integer::sum);
            assigned++;
        }
        units.values().removeIf(u -> u == 0);
        return units;
    }
}
