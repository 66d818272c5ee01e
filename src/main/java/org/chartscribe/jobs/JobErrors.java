package org.chartscribe.jobs;

import org.chartscribe.audio.AudioRejected;

/** The error codes and messages a failed job reports: our own words, never the recording's or an engine's. */
final class JobErrors {
    static final String INTERNAL = "INTERNAL_ERROR";
    static final String INTERRUPTED = "JOB_INTERRUPTED";

    private JobErrors() {}

    static String code(AudioRejected rejected) {
        return switch (rejected.reason()) {
            case UNSUPPORTED_FORMAT -> "UNSUPPORTED_MEDIA_TYPE";
            case TOO_LONG -> "PAYLOAD_TOO_LARGE";
            case EMPTY, CORRUPT, NO_SPEECH -> "UNPROCESSABLE_CONTENT";
        };
    }
}
