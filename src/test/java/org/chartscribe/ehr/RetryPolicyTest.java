package org.chartscribe.ehr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Backoff, Retry-After and the bounds of an interactive write-back. */
class RetryPolicyTest {
    private static final RetryPolicy DEFAULTS = EhrProperties.DEFAULTS.retryPolicy();
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-04T07:00:00Z"), ZoneOffset.UTC);

    @Test
    void defaultsGiveFourTriesWithDoublingWaits() {
        assertThat(DEFAULTS.nextWait(1, Duration.ZERO, Optional.empty())).contains(Duration.ofMillis(500));
        assertThat(DEFAULTS.nextWait(2, Duration.ofMillis(500), Optional.empty())).contains(Duration.ofSeconds(1));
        assertThat(DEFAULTS.nextWait(3, Duration.ofMillis(1500), Optional.empty())).contains(Duration.ofSeconds(2));
        assertThat(DEFAULTS.nextWait(4, Duration.ofMillis(3500), Optional.empty())).isEmpty();
    }

    @Test
    void retryAfterIsWaitedInFullWhenLongerThanTheBackoff() {
        assertThat(DEFAULTS.nextWait(1, Duration.ZERO, Optional.of(Duration.ofSeconds(3)))).contains(Duration.ofSeconds(3));
        assertThat(DEFAULTS.nextWait(3, Duration.ZERO, Optional.of(Duration.ZERO))).contains(Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterBeyondTheBoundStopsAndPlainBackoffIsClipped() {
        assertThat(DEFAULTS.nextWait(1, Duration.ZERO, Optional.of(Duration.ofSeconds(11)))).isEmpty();
        assertThat(DEFAULTS.nextWait(1, Duration.ofSeconds(9), Optional.of(Duration.ofSeconds(2)))).isEmpty();
        RetryPolicy generous = new RetryPolicy(10, Duration.ofSeconds(4), Duration.ofSeconds(10));
        assertThat(generous.nextWait(2, Duration.ofSeconds(4), Optional.empty())).contains(Duration.ofSeconds(6));
        assertThat(generous.nextWait(3, Duration.ofSeconds(10), Optional.empty())).isEmpty();
    }

    @Test
    void onlyTimeoutsThrottlingAndServerFailuresAreRetried() {
        assertThat(RetryPolicy.RETRYABLE_STATUSES).containsExactlyInAnyOrder(408, 429, 500, 502, 503, 504);
        assertThat(RetryPolicy.retryable(400)).isFalse();
        assertThat(RetryPolicy.retryable(422)).isFalse();
        assertThat(RetryPolicy.retryable(501)).isFalse();
    }

    @Test
    void retryAfterIsReadAsSecondsOrHttpDate() {
        assertThat(RetryAfter.parse("7", NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Fri, 04 Dec 2026 07:00:05 GMT", NOW)).contains(Duration.ofSeconds(5));
        assertThat(RetryAfter.parse("Fri, 04 Dec 2026 06:59:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-3", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999", NOW)).contains(Duration.ofDays(1));
    }
}
