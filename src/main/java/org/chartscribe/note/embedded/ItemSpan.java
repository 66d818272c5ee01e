package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.clinical.PlanItem;

/** The part of the source a plan item is read from, in lower case, with its offsets. */
record ItemSpan(String text, int start, int end) {

    /** Redacted: the text is the encounter's. */
    @Override
    public String toString() {
        return "ItemSpan[" + start + ".." + end + "]";
    }

    /** A clause longer than this (unpunctuated speech) is read only around the item's own words. */
    private static final int LONG_CLAUSE = 220;
    static final int LOCAL_BEFORE = 80;
    static final int LOCAL_AFTER = 100;
    private static final Map<String, List<String>> SAID_AS = Map.ofEntries(
            Map.entry("ct scan", List.of("ct", "cat scan", "cat")), Map.entry("x-ray", List.of("x-ray", "xray", "x ray")),
            Map.entry("blood work", List.of("blood work", "labs", "blood")), Map.entry("echocardiogram", List.of("echo")),
            Map.entry("hemoglobin a1c", List.of("a1c")), Map.entry("complete blood count", List.of("cbc", "blood count")),
            Map.entry("basic metabolic panel", List.of("bmp", "metabolic")),
            Map.entry("comprehensive metabolic panel", List.of("cmp", "metabolic")),
            Map.entry("urinalysis", List.of("urine")), Map.entry("urine culture", List.of("culture", "urine")),
            Map.entry("liver function tests", List.of("liver")), Map.entry("ekg", List.of("ekg", "ecg", "electrocardiogram")));
    private static final Pattern FOLLOW_WORDS = Pattern.compile("\\b(?:follow|see you|come back|back in|return|recheck|"
            + "check (?:on |in on )?you|(?:get|bring|have) you (?:back|in)|reassess|re-?evaluate)");

    /** The item's clause, or for a long one the words around what it names; null when they cannot be found. */
    static ItemSpan of(String source, PlanItem item) {
        String clause = source.substring(item.start(), item.end()).toLowerCase(Locale.ROOT);
        if (clause.length() <= LONG_CLAUSE) {
            return new ItemSpan(clause, item.start(), item.end());
        }
        int at = -1;
        switch (item.type()) {
            case MEDICATION -> at = item.medication() == null ? -1 : item.medication().start() - item.start();
            case LAB_ORDER, IMAGING_ORDER, REFERRAL -> {
                List<String> terms = new ArrayList<>();
                if (item.detail() != null) {
                    terms.add(item.detail());
                    terms.addAll(SAID_AS.getOrDefault(item.detail(), List.of()));
                    String first = item.detail().split(" ")[0];
                    terms.add(first.length() > 6 ? first.substring(0, 6) : first);
                }
                for (String term : terms) {
                    at = wordStartOf(clause, term);
                    if (at >= 0) {
                        break;
                    }
                }
            }
            case FOLLOW_UP -> {
                Matcher m = FOLLOW_WORDS.matcher(clause);
                at = m.find() ? m.start() : -1;
            }
            // advice in a long stretch of speech: read around the first home care or topic it names
            // ("... put you in a long arm cast and a sling, and then ..."); none named, no way to tell
            case EDUCATION -> at = AdvicePlanLines.firstTopicAt(clause);
            default -> at = -1;
        }
        if (at < 0) {
            return null;
        }
        int from = Math.max(0, at - LOCAL_BEFORE);
        int to = Math.min(clause.length(), at + LOCAL_AFTER);
        while (from > 0 && Character.isLetterOrDigit(clause.charAt(from - 1))) {
            from++;
        }
        while (to < clause.length() && Character.isLetterOrDigit(clause.charAt(to))) {
            to++;
        }
        return new ItemSpan(clause.substring(from, to), item.start() + from, item.start() + to);
    }

    /** How far from the test's name its site, side and "repeat" are read. */
    static final int TERM_REACH = 45;

    /** Where the clause names the test (as catalogued or as commonly said), or -1. */
    static int termAt(String clause, String detail) {
        List<String> terms = new ArrayList<>();
        terms.add(detail);
        terms.addAll(SAID_AS.getOrDefault(detail, List.of()));
        for (String t : terms) {
            int at = wordStartOf(clause, t);
            if (at >= 0) {
                return at;
            }
        }
        return -1;
    }

    /**
     * Patterns {@code \bterm} by term, compiled once: the terms are the catalogue's test names, their spoken
     * forms and first words, a bounded set, and this runs for every sentence before a plan's imaging order.
     */
    private static final Map<String, Pattern> AT_WORD_START = new ConcurrentHashMap<>();

    /** Where {@code term} starts a word in {@code text}, or -1 (the pattern decides only where the term occurs). */
    private static int wordStartOf(String text, String term) {
        if (!text.contains(term)) {
            return -1;
        }
        Matcher m = AT_WORD_START.computeIfAbsent(term, t -> Pattern.compile("\\b" + Pattern.quote(t))).matcher(text);
        return m.find() ? m.start() : -1;
    }
}
