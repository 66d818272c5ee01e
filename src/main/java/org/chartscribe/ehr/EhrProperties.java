package org.chartscribe.ehr;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the write-back talks to an EHR ({@code CHARTSCRIBE_EHR_*}). The defaults suit an interactive
 * click: a request that hangs gives up in seconds, and a busy EHR gets 4 tries within about 10 s of
 * waiting before the clinician is told to approve again later.
 *
 * @param connectTimeout {@code CHARTSCRIBE_EHR_CONNECT_TIMEOUT}, default 3s
 * @param readTimeout    {@code CHARTSCRIBE_EHR_READ_TIMEOUT}, default 10s (one request's answer)
 * @param maxAttempts    {@code CHARTSCRIBE_EHR_MAX_ATTEMPTS}, default 4 (tries per resource, first included)
 * @param firstBackoff   {@code CHARTSCRIBE_EHR_FIRST_BACKOFF}, default 500ms, doubled after each failed try
 * @param maxWait        {@code CHARTSCRIBE_EHR_MAX_WAIT}, default 10s: the most a resource waits between
 *                       its tries in total; a {@code Retry-After} beyond it ends the tries at once
 * @param writeDeadline  {@code CHARTSCRIBE_EHR_WRITE_DEADLINE}, default 30s: no resource of a write-back is
 *                       started after this long, so one click never holds the clinician (and a server
 *                       thread) for minutes; what was not written is reported, and approving again completes it
 */
@ConfigurationProperties("chartscribe.ehr")
public record EhrProperties(Duration connectTimeout, Duration readTimeout, Integer maxAttempts,
                            Duration firstBackoff, Duration maxWait, Duration writeDeadline) {
    public static final EhrProperties DEFAULTS = new EhrProperties(null, null, null, null, null, null);

    public EhrProperties {
        connectTimeout = orDefault(connectTimeout, Duration.ofSeconds(3));
        readTimeout = orDefault(readTimeout, Duration.ofSeconds(10));
        maxAttempts = maxAttempts == null ? 4 : maxAttempts;
        firstBackoff = orDefault(firstBackoff, Duration.ofMillis(500));
        maxWait = orDefault(maxWait, Duration.ofSeconds(10));
        writeDeadline = orDefault(writeDeadline, Duration.ofSeconds(30));
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("chartscribe.ehr.max-attempts must be at least 1");
        }
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null || value.isNegative() ? fallback : value;
    }

    RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, firstBackoff, maxWait);
    }
}
