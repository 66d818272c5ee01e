package org.chartscribe.clinical;

/**
 * A diagnosis or impression at [start, end). {@code phrase} is the condition as said (lowercase,
 * numbers as digits); {@code condition} is the canonical name when it names a known condition
 * ("high blood pressure" gives "hypertension"), else null. {@code cue} is how it was introduced
 * ("consistent with", "likely", "rule out", ... or "mention" for a known condition named anywhere).
 * Consumers that code diagnoses should skip negated, family and (usually) uncertain ones.
 */
public record Diagnosis(String phrase, String condition, String cue, Assertion assertion, int start, int end) {}
