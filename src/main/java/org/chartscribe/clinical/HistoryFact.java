package org.chartscribe.clinical;

/**
 * One charted fact about a presenting problem, already in the note's words ({@code text}: "7 out of 10",
 * "for 3 weeks", "after a fall", "walking"), with the [start, end) offsets of what was said.
 */
public record HistoryFact(Kind kind, String text, int start, int end) {

    public enum Kind { DURATION, ONSET, MECHANISM, COURSE, SEVERITY, WORSE_WITH, BETTER_WITH, TRIED_WITHOUT_RELIEF,
        ASSOCIATED }
}
