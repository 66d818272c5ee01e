package org.chartscribe.clinical;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import org.chartscribe.clinical.TimeExpression.Kind;

/**
 * Onsets and durations. "In two weeks" is a future appointment, not a duration, and is left to
 * the plan; "for 20 mg" is not a time at all: a time expression needs a time unit.
 */
final class TimeExtractor {

    /** The spoken amounts and the words a duration or an onset opens with: each pattern and its starts below. */
    private static final List<String> AMOUNT_WORDS = List.of("a couple of", "a couple", "a few", "a", "an", "several",
            "few", "couple of", "many");
    private static final List<String> DURATION_LEADS = List.of("for", "over", "x", "past", "last", "lasting");
    private static final List<String> AGO_LEADS = List.of("about", "around", "like", "maybe", "roughly");

    private static final String AMOUNT = "(\\d+(?:\\.\\d+)?|" + String.join("|", AMOUNT_WORDS) + ")";
    private static final String UNIT = "(minutes?|hours?|days?|nights?|weeks?|months?|years?)";
    private static final Pattern DURATION = Pattern.compile("\\b(?:" + String.join("|", DURATION_LEADS) + ")\\s+"
            + "(?:(?:the|about|around|almost|nearly|roughly|approximately|like|maybe|over|past|last|a good|at least)\\s+)*"
            + AMOUNT + "\\s*(?:or (?:so|more)\\s+)?(?:more\\s+)?" + UNIT + "\\b(?!\\s+ago)");
    private static final Pattern AGO = Pattern.compile("\\b(?:" + String.join("\\s+|", AGO_LEADS) + "\\s+)?"
            + AMOUNT + "\\s*(?:or so\\s+)?" + UNIT + "\\s+ago\\b");
    private static final Pattern SINCE = Pattern.compile("\\bsince\\s+((?:last\\s+|this\\s+|the\\s+)?(?:monday|tuesday|"
            + "wednesday|thursday|friday|saturday|sunday|yesterday|last night|this morning|morning|weekend|week|month|"
            + "year|january|february|march|april|may|june|july|august|september|october|november|december|"
            + "christmas|thanksgiving|surgery|the accident|the fall|the injury|\\d{4}|i was \\w+))\\b");

    /**
     * The words a match of {@link #DURATION} or {@link #SINCE} opens with, from the same lists as the patterns
     * so that they stay in step: each pattern is tried only where one of them is said (see {@link MatchStarts}).
     */
    private static final WordPhrases DURATION_STARTS = WordPhrases.of(DURATION_LEADS);
    private static final WordPhrases SINCE_STARTS = WordPhrases.of("since");
    /** The characters a match of {@link #AGO} starts with: a digit or the first letter of an opening word. */
    private static final String AGO_FIRSTS = "0123456789" + firstLetters(AGO_LEADS) + firstLetters(AMOUNT_WORDS);
    /**
     * How many runs of non-space characters a match of {@link #AGO} can hold before its "ago": a lead word,
     * an amount of up to three words, "or so" and a unit make seven; one more for safety.
     */
    private static final int AGO_REACH = 8;

    private TimeExtractor() {}

    static List<TimeExpression> extract(NormalizedText nt) {
        return extract(nt, true);
    }

    /** @param shortcuts false: every pattern tried at every position, as a plain find (for tests of the shortcuts) */
    static List<TimeExpression> extract(NormalizedText nt, boolean shortcuts) {
        String t = nt.text();
        List<TimeExpression> found = new ArrayList<>();
        // each pattern is tried only where it can start (see MatchStarts)
        boolean[] nearAgo = beforeAgo(t);
        IntPredicate agoAt = at -> at < t.length() && nearAgo[at] && AGO_FIRSTS.indexOf(t.charAt(at)) >= 0;
        IntPredicate everywhere = at -> true;
        MatchStarts.forEach(AGO, t, shortcuts ? agoAt : everywhere, ago ->
                add(found, nt, Kind.AGO, ago.group(1), ago.group(2), null, ago.start(), ago.end()));
        MatchStarts.forEach(DURATION, t, shortcuts ? MatchStarts.phraseAt(t, DURATION_STARTS) : everywhere, duration ->
                add(found, nt, Kind.DURATION, duration.group(1), duration.group(2), null, duration.start(), duration.end()));
        MatchStarts.forEach(SINCE, t, shortcuts ? MatchStarts.phraseAt(t, SINCE_STARTS) : everywhere, since ->
                found.add(new TimeExpression(Kind.SINCE, null, null, since.group(1),
                        nt.originalStart(since.start()), nt.originalEnd(since.end()))));
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return List.copyOf(found);
    }

    /**
     * The positions within {@link #AGO_REACH} runs of non-space characters before an "ago" said after white
     * space: every match of {@link #AGO} starts in one, since "ago" ends it and its words are only a few runs.
     */
    private static boolean[] beforeAgo(String t) {
        boolean[] near = new boolean[t.length()];
        for (int ago = t.indexOf("ago"); ago >= 0; ago = t.indexOf("ago", ago + 1)) {
            if (ago == 0 || !isSpace(t.charAt(ago - 1))) {
                continue;
            }
            int from = ago;
            for (int run = 0; run < AGO_REACH && from > 0; run++) {
                while (from > 0 && isSpace(t.charAt(from - 1))) {
                    from--;
                }
                while (from > 0 && !isSpace(t.charAt(from - 1))) {
                    from--;
                }
            }
            java.util.Arrays.fill(near, from, ago, true);
        }
        return near;
    }

    /** White space as the patterns' {@code \\s} reads it. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static String firstLetters(List<String> words) {
        StringBuilder sb = new StringBuilder();
        words.forEach(w -> sb.append(w.charAt(0)));
        return sb.toString();
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
