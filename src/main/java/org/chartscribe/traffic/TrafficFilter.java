package org.chartscribe.traffic;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing a request meets after its id: the per-address request rate, then the in-flight
 * limits (per address, then overall), then a deadline on its body. Refusals are answered at once,
 * before the body is read or the API key looked up. A body the application answered without reading
 * to the end (a 404, an early 413) is drained here, before the response is closed, still counted in
 * flight and still under the deadline, so a client that sends it promptly keeps its connection; a
 * refused caller's body is not, unless it is small (see {@link UnreadBodies#SMALL_BODY_BYTES}). Health
 * and the other actuator endpoints are exempt, so an orchestrator keeps seeing the truth while the
 * server sheds load.
 */
final class TrafficFilter extends OncePerRequestFilter {
    static final String ADDRESS_RATE = "Too many requests from this address; retry after the time in Retry-After.";
    static final String ADDRESS_BUSY = "Too many requests from this address are in progress at once; retry after the time in Retry-After.";
    static final String SERVER_BUSY = "The server is serving as many requests as it allows; retry after the time in Retry-After.";
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private final RateLimits rates;
    private final InFlightLimits inFlight;
    private final Duration bodyDeadline;
    private final Duration uploadDeadline;
    private final Counter refusedForRate;
    private final Counter refusedAddressBusy;
    private final Counter refusedServerBusy;

    TrafficFilter(RateLimits rates, InFlightLimits inFlight, Duration bodyDeadline, Duration uploadDeadline,
                  MeterRegistry meters) {
        this.rates = rates;
        this.inFlight = inFlight;
        this.bodyDeadline = bodyDeadline;
        this.uploadDeadline = uploadDeadline;
        this.refusedForRate = refused(meters, "address_rate");
        this.refusedAddressBusy = refused(meters, "address_in_flight");
        this.refusedServerBusy = refused(meters, "server_in_flight");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/actuator") || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        Optional<Duration> wait = rates.takeAddress(address);
        if (wait.isPresent()) {
            refusedForRate.increment();
            Refusals.tooManyRequests(request, response, wait.get(), ADDRESS_RATE);
            return;
        }
        switch (inFlight.enter(address)) {
            case ADDRESS_BUSY -> {
                refusedAddressBusy.increment();
                Refusals.tooManyRequests(request, response, BUSY_RETRY, ADDRESS_BUSY);
            }
            case SERVER_BUSY -> {
                refusedServerBusy.increment();
                Refusals.serverBusy(request, response, BUSY_RETRY, SERVER_BUSY);
            }
            case ADMITTED -> {
                // a recording of up to 200 MB cannot arrive in the JSON bodies' 30 s: uploads get their own deadline
                String type = request.getContentType();
                boolean upload = type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
                HttpServletRequest timed = BodyDeadline.wrap(request, upload ? uploadDeadline : bodyDeadline, System::nanoTime);
                Runnable drain = () -> drainUnlessDiscarded(request, timed);
                try {
                    chain.doFilter(timed, new DrainBeforeClose(response, drain));
                    drain.run();
                } finally {
                    inFlight.leave(address);
                }
            }
        }
    }

    /** A refused caller's body is drained only when small; see {@link UnreadBodies#SMALL_BODY_BYTES}. */
    private static void drainUnlessDiscarded(HttpServletRequest request, HttpServletRequest timed) {
        boolean refused = request.getAttribute(Refusals.DISCARD_BODY) != null;
        if ((!refused || UnreadBodies.isSmall(request)) && !request.isAsyncStarted()) {
            UnreadBodies.drain(timed);
        }
    }

    private static Counter refused(MeterRegistry meters, String reason) {
        return Counter.builder("chartscribe.traffic.refused").tag("reason", reason)
                .description("Requests refused before being served").register(meters);
    }
}
