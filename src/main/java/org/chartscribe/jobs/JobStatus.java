package org.chartscribe.jobs;

import java.util.Locale;

/** A job's state as the API names it ({@code queued|running|succeeded|failed}). */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }

    static JobStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
