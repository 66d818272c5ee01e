package org.chartscribe.clinical;

/**
 * A symptom or examination finding at [start, end) with its canonical {@code name} ("shortness of
 * breath" for "short of breath"), how it is asserted, and the body site said with it, if any
 * ({@code site} is null otherwise).
 */
public record Finding(String name, Assertion assertion, BodySite site, int start, int end) {}
