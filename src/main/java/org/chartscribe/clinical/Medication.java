package org.chartscribe.clinical;

import java.math.BigDecimal;

/**
 * A medication at [start, end) (the name, plus dose, route and frequency when said right after it).
 * {@code name} is the generic ("Advil" gives ibuprofen); {@code dose}, {@code unit}, {@code route},
 * {@code frequency} are null when not said. Units, routes and frequencies are canonical: "mg",
 * "oral", "twice daily".
 */
public record Medication(String name, String drugClass, boolean brandNameUsed, BigDecimal dose, String unit,
                         String route, String frequency, Status status, int start, int end) {

    /** What the sentence says is happening to the medication. */
    public enum Status {
        STARTED, STOPPED, CHANGED, CONTINUED,
        /** "not on any aspirin", "never took metformin" */
        NOT_TAKING,
        /** named without a change or continuation ("ibuprofen helps") */
        MENTIONED
    }

    /** Compact chart form: "lisinopril 20 mg oral daily". */
    public String display() {
        StringBuilder sb = new StringBuilder(name);
        if (dose != null) {
            sb.append(' ').append(dose.toPlainString()).append(unit == null ? "" : " " + unit);
        }
        if (route != null) {
            sb.append(' ').append(route);
        }
        if (frequency != null) {
            sb.append(' ').append(frequency);
        }
        return sb.toString();
    }
}
