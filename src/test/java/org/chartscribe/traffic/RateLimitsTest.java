package org.chartscribe.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The buckets on a clock the test moves, so refill is exact and instant. */
class RateLimitsTest {
    private final ManualClock clock = new ManualClock();
    private final RateLimits limits = new RateLimits(new TrafficProperties(128, 32, Duration.ofSeconds(30),
            Duration.ofSeconds(10), 60, 120, 3, Duration.ofMinutes(1)), clock);

    @Test
    void aKeyOverItsAllowanceWaitsAndThenRecovers() {
        for (int i = 0; i < 60; i++) {
            assertThat(limits.takeKey("key-a")).as("request %d", i).isEmpty();
        }
        Optional<Duration> wait = limits.takeKey("key-a");
        assertThat(wait).as("the 61st request in the minute").isPresent();
        assertThat(wait.get()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(1));
        assertThat(limits.takeKey("key-b")).as("another key").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(limits.takeKey("key-a")).as("one request a second comes back").isEmpty();
        assertThat(limits.takeKey("key-a")).isPresent();
    }

    @Test
    void anAddressOverItsAllowanceWaitsAndOtherAddressesDoNot() {
        for (int i = 0; i < 120; i++) {
            assertThat(limits.takeAddress("203.0.113.7")).isEmpty();
        }
        assertThat(limits.takeAddress("203.0.113.7")).isPresent();
        assertThat(limits.takeAddress("198.51.100.1")).isEmpty();
    }

    @Test
    void wrongKeysLockTheAddressOutForAShortTime() {
        assertThat(limits.authLockout("203.0.113.7")).isEmpty();
        limits.authFailed("203.0.113.7");
        limits.authFailed("203.0.113.7");
        assertThat(limits.authLockout("203.0.113.7")).as("two of three failures").isEmpty();
        limits.authFailed("203.0.113.7");

        Optional<Duration> lockout = limits.authLockout("203.0.113.7");
        assertThat(lockout).isPresent();
        assertThat(lockout.get()).isBetween(Duration.ofSeconds(19), Duration.ofSeconds(20));
        assertThat(limits.authLockout("198.51.100.1")).as("another address").isEmpty();

        clock.advance(Duration.ofSeconds(20));
        assertThat(limits.authLockout("203.0.113.7")).as("one more attempt after a third of the minute").isEmpty();
    }

    @Test
    void zeroSwitchesTheLimitsOff() {
        RateLimits off = new RateLimits(new TrafficProperties(0, 0, Duration.ofSeconds(30), Duration.ofSeconds(10),
                0, 0, 0, Duration.ofMinutes(1)), clock);
        for (int i = 0; i < 10_000; i++) {
            off.authFailed("203.0.113.7");
            assertThat(off.takeKey("key-a")).isEmpty();
            assertThat(off.takeAddress("203.0.113.7")).isEmpty();
        }
        assertThat(off.authLockout("203.0.113.7")).isEmpty();
    }

    private static final class ManualClock implements TimeMeter {
        private long nanos = 1_000_000_000L;

        void advance(Duration by) {
            nanos += by.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
