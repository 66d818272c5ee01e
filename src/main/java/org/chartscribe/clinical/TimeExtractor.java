package org.chartscribe.clinical;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.clinical.TimeExpression.Kind;

/**
 * Onsets and durations. "In two weeks" is a future appointment, not a duration, and is left to
 * the plan; "for 20 mg" is not a time at all: a time expression needs a time unit.
 */
final class TimeExtractor {

    private static final String AMOUNT = "(\\d+(?:\\.\\d+)?|a couple of|a couple|a few|a|an|several|few|couple of|many)";
    private static final String UNIT = "(minutes?|hours?|days?|nights?|weeks?|months?|years?)";
    private static final Pattern DURATION = Pattern.compile("\\b(?:for|over|x|past|last|lasting)\\s+"
            + "(?:(?:the|about|around|almost|nearly|roughly|approximately|like|maybe|over|past|last|a good|at least)\\s+)*"
            + AMOUNT + "\\s*(?:or (?:so|more)\\s+)?(?:more\\s+)?" + UNIT + "\\b(?!\\s+ago)");
    private static final Pattern AGO = Pattern.compile("\\b(?:about\\s+|around\\s+|like\\s+|maybe\\s+|roughly\\s+)?"
            + AMOUNT + "\\s*(?:or so\\s+)?" + UNIT + "\\s+ago\\b");
    private static final Pattern SINCE = Pattern.compile("\\bsince\\s+((?:last\\s+|this\\s+|the\\s+)?(?:monday|tuesday|"
            + "wednesday|thursday|friday|saturday|sunday|yesterday|last night|this morning|morning|weekend|week|month|"
            + "year|january|february|march|april|may|june|july|august|september|october|november|december|"
            + "christmas|thanksgiving|surgery|the accident|the fall|the injury|\\d{4}|i was \\w+))\\b");

    private TimeExtractor() {}

    static List<TimeExpression> extract(NormalizedText nt) {
        String t = nt.text();
        List<TimeExpression> found = new ArrayList<>();
        Matcher ago = AGO.matcher(t);
        while (ago.find()) {
            add(found, nt, Kind.AGO, ago.group(1), ago.group(2), null, ago.start(), ago.end());
        }
        Matcher duration = DURATION.matcher(t);
        while (duration.find()) {
            add(found, nt, Kind.DURATION, duration.group(1), duration.group(2), null, duration.start(), duration.end());
        }
        Matcher since = SINCE.matcher(t);
        while (since.find()) {
            found.add(new TimeExpression(Kind.SINCE, null, null, since.group(1),
                    nt.originalStart(since.start()), nt.originalEnd(since.end())));
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return List.copyOf(found);
    }

    private static void add(List<TimeExpression> found, NormalizedText nt, Kind kind, String amount, String unit,
                            String anchor, int start, int end) {
        int s = nt.originalStart(start);
        int e = nt.originalEnd(end);
        for (TimeExpression t : found) {
            if (s < t.end() && t.start() < e) {
                return;
            }
        }
        found.add(new TimeExpression(kind, amount(amount), singular(unit), anchor, s, e));
    }

    static BigDecimal amount(String said) {
        return switch (said) {
            case "a", "an" -> BigDecimal.ONE;
            case "a couple", "a couple of", "couple of" -> BigDecimal.valueOf(2);
            case "a few", "few", "several", "many" -> null;
            default -> new BigDecimal(said);
        };
    }

    private static String singular(String unit) {
        String u = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
        return u.equals("night") ? "day" : u;
    }
}
