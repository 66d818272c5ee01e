package org.chartscribe.traffic;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much one client may ask of the server, bound from {@code chartscribe.traffic.*}
 * ({@code CHARTSCRIBE_TRAFFIC_*}). A count of 0 switches that limit off. The client address is
 * {@code request.getRemoteAddr()}: behind a reverse proxy, the address Tomcat takes from
 * {@code X-Forwarded-For} when the proxy is on an internal address.
 *
 * @param maxInFlight              requests being served at once, all clients together; keep it below
 *                                 {@code server.tomcat.threads.max} (200) so health checks and refusals
 *                                 always find a thread
 * @param maxInFlightPerAddress    requests being served at once for one client address
 * @param bodyDeadline             total time a client gets to send a request body, however it trickles
 * @param bodyIdleTimeout          longest wait for the next bytes of a body (Tomcat's upload timeout)
 * @param keyRequestsPerMinute     requests per API key per minute (a full minute's worth may come at once)
 * @param addressRequestsPerMinute requests per client address per minute, with or without a key
 * @param authFailuresPerAddress   wrong API keys one address may send before it is locked out
 * @param authLockout              the time in which those failures are forgiven again: after the
 *                                 allowance is spent, one more attempt per {@code authLockout / authFailuresPerAddress}
 */
@ConfigurationProperties(prefix = "chartscribe.traffic")
public record TrafficProperties(
        @DefaultValue("128") int maxInFlight,
        @DefaultValue("32") int maxInFlightPerAddress,
        @DefaultValue("30s") Duration bodyDeadline,
        @DefaultValue("10s") Duration bodyIdleTimeout,
        @DefaultValue("1200") int keyRequestsPerMinute,
        @DefaultValue("3000") int addressRequestsPerMinute,
        @DefaultValue("10") int authFailuresPerAddress,
        @DefaultValue("1m") Duration authLockout) {

    public TrafficProperties {
        requireNotNegative("max-in-flight", maxInFlight);
        requireNotNegative("max-in-flight-per-address", maxInFlightPerAddress);
        requireNotNegative("key-requests-per-minute", keyRequestsPerMinute);
        requireNotNegative("address-requests-per-minute", addressRequestsPerMinute);
        requireNotNegative("auth-failures-per-address", authFailuresPerAddress);
        requirePositive("body-deadline", bodyDeadline);
        requirePositive("body-idle-timeout", bodyIdleTimeout);
        requirePositive("auth-lockout", authLockout);
    }

    private static void requireNotNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("chartscribe.traffic." + name + " must be 0 (off) or more, not " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("chartscribe.traffic." + name + " must be a positive duration");
        }
    }
}
