package org.chartscribe.clinical;

import java.math.BigDecimal;

/**
 * A lab or imaging result at [start, end): the test's canonical name, the value and unit when said
 * (null otherwise), and an interpretation word said with it (normal, high, low, abnormal, positive,
 * negative, stable, improved, worse, fracture; null when none).
 */
public record TestResult(String test, Kind kind, BigDecimal value, String unit, String interpretation, int start, int end) {

    public enum Kind { LAB, IMAGING }
}
