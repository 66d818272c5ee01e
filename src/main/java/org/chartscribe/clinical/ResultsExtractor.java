package org.chartscribe.clinical;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lab and imaging results: a test name followed by a value ("a1c of 7.2", "potassium was 3.1") or
 * an interpretation ("x-ray was normal", "your cholesterol is high"). A test that is only being
 * ordered ("we'll get an x-ray to look for a fracture") is a plan item, not a result.
 */
final class ResultsExtractor {

    private static final Pattern VALUE = Pattern.compile("^\\s*(?:(?:level|levels|is|was|were|are|of|at|came back|"
            + "reading|result|results|showed|about|around|now|today|still|just|:|,|-|it's|it was|back)\\s*)*"
            + "(\\d+(?:\\.\\d+)?)\\s*(mg/dl|mg per deciliter|mmol/l|%|percent|ng/ml|g/dl|miu/l|meq/l|k|thousand)?(?![a-z\\d])"
            + "(?!\\s*(?:years?|months?|weeks?|days?|hours?|times|ago)\\b)"); // "colonoscopy about 3 years ago"
    private static final Map<Pattern, String> INTERPRETATIONS = new LinkedHashMap<>();
    /** How far after the name an interpretation may be said. */
    private static final int REACH = 60;

    static {
        interpretation("within normal limits|unremarkable|no fracture|no evidence of (?:a )?fracture|came back normal|"
                + "(?<!ab)normal|looks? (?:good|great|fine)|looked (?:good|great|fine)|was fine|were fine|is fine", "normal");
        interpretation("abnormal", "abnormal");
        interpretation("elevated|(?<!not )high|too high|up a bit|went up", "high");
        interpretation("(?<!not )low|too low", "low");
        interpretation("borderline", "borderline");
        interpretation("positive", "positive");
        interpretation("negative", "negative");
        interpretation("stable|unchanged", "stable");
        interpretation("improved|better|came down|went down", "improved");
        interpretation("worse|worsened", "worse");
        interpretation("fracture|break|broken", "fracture");
    }

    private ResultsExtractor() {}

    static List<TestResult> extract(NormalizedText nt, List<Clauses.Span> clauses) {
        String lower = nt.text();
        List<TestResult> results = new ArrayList<>();
        for (Clauses.Span clause : clauses) {
            String sentence = lower.substring(clause.start(), clause.end());
            if (PlanCues.ordersSomething(sentence)) {
                continue;
            }
            List<PhraseMatcher.Match<TestCatalog.Test>> tests = TestCatalog.find(sentence);
            for (int i = 0; i < tests.size(); i++) {
                PhraseMatcher.Match<TestCatalog.Test> t = tests.get(i);
                int limit = Math.min(sentence.length(), i + 1 < tests.size() ? tests.get(i + 1).start() : t.end() + REACH);
                String tail = sentence.substring(t.end(), Math.max(t.end(), limit));
                BigDecimal value = null;
                String unit = null;
                int end = t.end();
                Matcher v = VALUE.matcher(tail);
                if (v.find()) {
                    value = new BigDecimal(v.group(1));
                    unit = unit(v.group(2));
                    end = t.end() + v.end();
                }
                String interpretation = interpretation(tail);
                if (value == null && interpretation == null) {
                    continue;
                }
                results.add(new TestResult(t.value().name(), t.value().kind(), value, unit, interpretation,
                        nt.originalStart(clause.start() + t.start()), nt.originalEnd(clause.start() + end)));
            }
        }
        return List.copyOf(results);
    }

    private static String interpretation(String tail) {
        String firstPart = tail.length() > REACH ? tail.substring(0, REACH) : tail;
        int bestAt = Integer.MAX_VALUE;
        String best = null;
        for (Map.Entry<Pattern, String> e : INTERPRETATIONS.entrySet()) {
            Matcher m = e.getKey().matcher(firstPart);
            if (m.find() && m.start() < bestAt) { // the word said closest to the test name
                bestAt = m.start();
                best = e.getValue();
            }
        }
        return best;
    }

    private static String unit(String said) {
        if (said == null) {
            return null;
        }
        return switch (said) {
            case "percent" -> "%";
            case "mg per deciliter" -> "mg/dl";
            case "k", "thousand" -> "k";
            default -> said;
        };
    }

    private static void interpretation(String regex, String meaning) {
        INTERPRETATIONS.put(Pattern.compile("\\b(?:" + regex + ")\\b"), meaning);
    }
}
