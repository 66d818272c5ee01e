package org.chartscribe.traffic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Token buckets (bucket4j): requests per API key, requests per client address, and wrong API keys per
 * client address. Each answer is empty (go ahead) or how long to wait. Buckets live in bounded caches
 * that forget a bucket some minutes after its last use, when it would be full again anyway; keys are
 * held as SHA-256 hashes, never in plain text.
 */
public final class RateLimits {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final long MAX_TRACKED = 100_000;

    private final Optional<Limit> perKey;
    private final Optional<Limit> perAddress;
    private final Optional<Limit> authFailures;

    RateLimits(TrafficProperties settings, TimeMeter clock) {
        this.perKey = Limit.of(settings.keyRequestsPerMinute(), MINUTE, clock);
        this.perAddress = Limit.of(settings.addressRequestsPerMinute(), MINUTE, clock);
        this.authFailures = Limit.of(settings.authFailuresPerAddress(), settings.authLockout(), clock);
    }

    /** Takes one request from the API key's allowance. */
    public Optional<Duration> takeKey(String apiKey) {
        return perKey.flatMap(limit -> limit.take(sha256(apiKey)));
    }

    /** Takes one request from the client address's allowance. */
    Optional<Duration> takeAddress(String address) {
        return perAddress.flatMap(limit -> limit.take(address));
    }

    /** How long the address stays locked out for sending wrong API keys; empty when it is not. */
    public Optional<Duration> authLockout(String address) {
        return authFailures.flatMap(limit -> limit.waitFor(address));
    }

    /** Counts a wrong API key against the address. */
    public void authFailed(String address) {
        authFailures.ifPresent(limit -> limit.take(address));
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** {@code count} per {@code period}, all of it available at once, refilled smoothly. */
    private record Limit(Cache<String, Bucket> buckets, Supplier<Bucket> newBucket) {
        static Optional<Limit> of(int count, Duration period, TimeMeter clock) {
            if (count <= 0) {
                return Optional.empty();
            }
            Bandwidth bandwidth = Bandwidth.builder().capacity(count).refillGreedy(count, period).build();
            Supplier<Bucket> newBucket = () -> Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(clock).build();
            // An idle bucket is full again after one period: forgetting it then changes nothing.
            Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(MAX_TRACKED)
                    .expireAfterAccess(period.multipliedBy(2)).build();
            return Optional.of(new Limit(buckets, newBucket));
        }

        Optional<Duration> take(String id) {
            ConsumptionProbe probe = buckets.get(id, unused -> newBucket.get()).tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }

        Optional<Duration> waitFor(String id) {
            Bucket bucket = buckets.getIfPresent(id);
            if (bucket == null) {
                return Optional.empty();
            }
            long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            return nanos > 0 ? Optional.of(Duration.ofNanos(nanos)) : Optional.empty();
        }
    }
}
