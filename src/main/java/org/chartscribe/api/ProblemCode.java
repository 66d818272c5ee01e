package org.chartscribe.api;

import org.springframework.http.HttpStatus;

/** The machine-readable {@code code} of every problem+json answer, with its HTTP status. */
public enum ProblemCode {
    VALIDATION_ERROR(HttpStatus.BAD_REQUEST, "Invalid request"),
    AUTHENTICATION_ERROR(HttpStatus.UNAUTHORIZED, "Authentication required"),
    AUTHORIZATION_ERROR(HttpStatus.FORBIDDEN, "Not allowed"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    GONE(HttpStatus.GONE, "Gone"),
    REQUEST_TIMEOUT(HttpStatus.REQUEST_TIMEOUT, "Request timeout"),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    /** Well-formed and valid, but nothing a note can be made from (a transcript without words). */
    UNPROCESSABLE_CONTENT(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable content"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    UPSTREAM_ERROR(HttpStatus.BAD_GATEWAY, "Upstream error"),
    ENGINE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Engine unavailable"),
    SERVER_BUSY(HttpStatus.SERVICE_UNAVAILABLE, "Server busy"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final HttpStatus status;
    private final String title;

    ProblemCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
