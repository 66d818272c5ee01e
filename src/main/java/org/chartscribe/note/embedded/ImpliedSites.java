package org.chartscribe.note.embedded;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Conditions whose name implies the body site without naming it ("lateral epicondylitis": the elbow). The
 * assessment charts such a diagnosis with the side said for that site ("my right elbow hurts" ... "Right
 * lateral epicondylitis"); the sites are listed in the order they are tried.
 */
final class ImpliedSites {

    private record Row(Pattern name, List<String> sites) {}

    private static final List<Row> ROWS = List.of(
            new Row(Pattern.compile("\\bepicondylitis\\b"), List.of("elbow")),
            new Row(Pattern.compile("\\bhallux\\b"), List.of("big toe", "foot")),
            new Row(Pattern.compile("\\b(?:plantar fasciitis|lisfranc)\\b"), List.of("foot")),
            new Row(Pattern.compile("\\b(?:patellofemoral|cruciate ligament|collateral ligament|meniscus|meniscal)\\b"),
                    List.of("knee")),
            new Row(Pattern.compile("\\brotator cuff\\b"), List.of("shoulder")),
            new Row(Pattern.compile("\\bde quervain"), List.of("wrist")),
            new Row(Pattern.compile("\\b(?:kidney stones?|nephrolithiasis|ureteral stones?)\\b"), List.of("kidney", "flank")));

    private ImpliedSites() {}

    /** The sites the condition's name implies, most specific first; empty when the name implies none. */
    static List<String> of(String conditionName) {
        for (Row row : ROWS) {
            if (row.name().matcher(conditionName).find()) {
                return row.sites();
            }
        }
        return List.of();
    }
}
