package org.chartscribe.clinical;

import java.math.BigDecimal;

/**
 * One plan item at [start, end) (the clause that says it). {@code detail} is the generic drug
 * name (MEDICATION), the test (LAB_ORDER, IMAGING_ORDER), the specialty (REFERRAL), null for
 * FOLLOW_UP and EDUCATION. A follow-up carries its interval in {@code amount}/{@code unit}
 * ("in two weeks" = 2 week), or null amount for "as needed". A medication item carries the
 * {@link Medication} it came from, else {@code medication} is null.
 */
public record PlanItem(Type type, String detail, Medication medication, BigDecimal amount, String unit, int start, int end) {

    public enum Type { MEDICATION, LAB_ORDER, IMAGING_ORDER, REFERRAL, FOLLOW_UP, EDUCATION }
}
