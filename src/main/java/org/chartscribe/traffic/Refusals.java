package org.chartscribe.traffic;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chartscribe.api.ProblemCode;
import org.chartscribe.api.Problems;

/**
 * Writes a refusal before anything has read the request body: problem+json, or an OperationOutcome on
 * {@code /fhir}, with {@code Retry-After} in whole seconds. When a body is on its way the answer also
 * says {@code Connection: close}: the body is never read ({@link UnreadBodyValve} keeps Tomcat from
 * draining it on a worker thread), so the connection cannot be used again.
 */
public final class Refusals {
    /** Set on a request whose body must not be read at all, not even drained to keep the connection. */
    static final String DISCARD_BODY = "chartscribe.traffic.discard-body";
    private static final String FHIR_SERVLET_PATH = "/fhir";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Refusals() {}

    /** 429: this key or address has used its allowance. */
    public static void tooManyRequests(HttpServletRequest request, HttpServletResponse response, Duration retryAfter,
                                       String detail) throws IOException {
        write(request, response, ProblemCode.RATE_LIMITED, "throttled", retryAfter, detail);
    }

    /** 503: the server as a whole is serving as many requests as it allows. */
    static void serverBusy(HttpServletRequest request, HttpServletResponse response, Duration retryAfter, String detail)
            throws IOException {
        write(request, response, ProblemCode.SERVER_BUSY, "transient", retryAfter, detail);
    }

    /**
     * For a refused caller (no valid key, over a limit): its body is never read, not even drained, and
     * the answer says it is the connection's last.
     */
    public static void closeIfBodyUnread(HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(DISCARD_BODY, Boolean.TRUE);
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            response.setHeader("Connection", "close");
        }
    }

    /** Whole seconds, rounded up, at least 1 (a client reading 0 would retry at once). */
    static long seconds(Duration wait) {
        long seconds = (wait.toMillis() + 999) / 1000;
        return Math.max(1, seconds);
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, ProblemCode code,
                              String fhirIssue, Duration retryAfter, String detail) throws IOException {
        response.setStatus(code.status().value());
        response.setHeader("Retry-After", Long.toString(seconds(retryAfter)));
        closeIfBodyUnread(request, response);
        if (FHIR_SERVLET_PATH.equals(request.getServletPath())) {
            response.setContentType("application/fhir+json;charset=UTF-8");
            JSON.writeValue(response.getOutputStream(), Map.of("resourceType", "OperationOutcome",
                    "issue", List.of(Map.of("severity", "error", "code", fhirIssue, "diagnostics", detail))));
        } else {
            response.setContentType("application/problem+json");
            JSON.writeValue(response.getOutputStream(), Problems.body(code, detail, List.of()));
        }
    }
}
