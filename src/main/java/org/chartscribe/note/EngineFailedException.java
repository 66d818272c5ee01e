package org.chartscribe.note;

import java.time.Duration;
import java.util.Optional;

/**
 * An engine could not write the note: its provider failed, answered something unusable twice, or the
 * transcript does not fit the model's context budget. The message is written by the engine and never
 * quotes the transcript, the prompt or the provider's answer, so adapters may show it to the caller.
 */
public final class EngineFailedException extends RuntimeException {

    /** Why, as the REST adapter needs it to pick a status. */
    public enum Failure {
        /** The provider refused for load (HTTP 429); {@link #retryAfter()} when it said how long. */
        RATE_LIMITED,
        /** The provider could not be reached, answered 5xx, or did not answer within the timeout. */
        UNAVAILABLE,
        /** The provider answered, but not with a usable note (invalid JSON after the repair, a refusal). */
        BAD_OUTPUT,
        /** The transcript exceeds the configured context budget of the model. */
        TOO_LONG
    }

    private final Failure failure;
    private final transient Duration retryAfter;

    public EngineFailedException(Failure failure, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.retryAfter = retryAfter;
    }

    public EngineFailedException(Failure failure, String message) {
        this(failure, message, null, null);
    }

    public Failure failure() {
        return failure;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
