package org.chartscribe.clinical;

/**
 * How a finding or diagnosis is asserted in its sentence. All false means: present, current, about
 * the patient. {@code asked} is true when the clinician asked about it; the answer then sets
 * {@code negated} ("Any fever?" "No.") and an unanswered question sets {@code uncertain}.
 */
public record Assertion(boolean negated, boolean uncertain, boolean historical, boolean family, boolean hypothetical,
                        boolean asked) {

    public static final Assertion PRESENT = new Assertion(false, false, false, false, false, false);

    /** Present, current and about the patient: what a note may state as a positive finding. */
    public boolean affirmed() {
        return !negated && !uncertain && !historical && !family && !hypothetical;
    }
}
