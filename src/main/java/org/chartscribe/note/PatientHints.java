package org.chartscribe.note;

/** Optional demographics a client may pass to help the engine; either field may be null. */
public record PatientHints(Integer age, String sex) {
    public static final PatientHints NONE = new PatientHints(null, null);
}
