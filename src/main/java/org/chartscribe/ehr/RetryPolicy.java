package org.chartscribe.ehr;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * When to try a request again and how long to wait first. Exponential backoff from {@code firstBackoff};
 * a {@code Retry-After} from the EHR is honoured (waited at least that long); all the waits of one
 * resource together stay within {@code maxWait}, so a click never hangs for minutes.
 */
record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxWait) {
    /** Request timeout, too many requests, and the server-side failures that a later try may not meet. */
    static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    static boolean retryable(int status) {
        return RETRYABLE_STATUSES.contains(status);
    }

    /**
     * The wait before the next try after {@code failedAttempts} tries, or empty to stop: no tries left,
     * or the wait would take the total past {@code maxWait}.
     */
    Optional<Duration> nextWait(int failedAttempts, Duration waitedSoFar, Optional<Duration> retryAfter) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        Duration backoff = firstBackoff.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        Duration wait = retryAfter.filter(r -> r.compareTo(backoff) > 0).orElse(backoff);
        if (waitedSoFar.plus(wait).compareTo(maxWait) > 0) {
            // A server that asked for more than is left is not second-guessed with an earlier try;
            // plain backoff is clipped to what is left.
            if (retryAfter.isPresent()) {
                return Optional.empty();
            }
            Duration left = maxWait.minus(waitedSoFar);
            return left.isZero() || left.isNegative() ? Optional.empty() : Optional.of(left);
        }
        return Optional.of(wait);
    }
}
