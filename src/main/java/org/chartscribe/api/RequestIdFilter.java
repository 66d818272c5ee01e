package org.chartscribe.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.chartscribe.ids.RandomIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives every request an id (kept from {@code X-Request-Id} when it is a plain token), puts it in the
 * MDC, echoes it back, and writes one access-log line: method, route pattern, status, sizes, time,
 * tenant. Never the raw path, query string or body: a client may put PHI in any of them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {
    static final String MDC_KEY = "requestId";
    static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Its own generator: a request id, public in every response, must say nothing about note ids. */
    private static final RandomIds IDS = RandomIds.withPrefix("req_");
    private static final Logger access = LoggerFactory.getLogger("org.chartscribe.access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && SAFE_ID.matcher(given).matches() ? given : IDS.get();
        long started = System.nanoTime();
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (access.isInfoEnabled()) {
                access.info("{} {} status={} in_bytes={} ms={} tenant={}", request.getMethod(), route(request),
                        response.getStatus(), Math.max(request.getContentLengthLong(), 0),
                        (System.nanoTime() - started) / 1_000_000, request.getAttribute(ApiKeyAuthInterceptor.TENANT));
            }
            MDC.remove(MDC_KEY);
        }
    }

    private static Object route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern == null || "/**".equals(pattern) ? "(unmatched)" : pattern;
    }
}
