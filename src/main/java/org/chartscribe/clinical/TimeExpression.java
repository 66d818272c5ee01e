package org.chartscribe.clinical;

import java.math.BigDecimal;

/**
 * Onset or duration at [start, end): "for three weeks" (DURATION, 3 week), "started two days ago"
 * (AGO, 2 day), "since Monday" (SINCE, anchor "monday"). {@code amount} is null for vague amounts
 * ("a few days"); {@code unit} is singular: minute, hour, day, week, month, year.
 */
public record TimeExpression(Kind kind, BigDecimal amount, String unit, String anchor, int start, int end) {

    public enum Kind { DURATION, AGO, SINCE }
}
