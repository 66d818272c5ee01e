package org.chartscribe.note;

/** An {@code Idempotency-Key} was reused within its window for a different request. */
public final class IdempotencyConflictException extends RuntimeException {
    public IdempotencyConflictException() {
        super("This Idempotency-Key was already used with a different request body.");
    }
}
