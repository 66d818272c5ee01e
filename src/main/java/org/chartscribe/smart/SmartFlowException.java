package org.chartscribe.smart;

/**
 * A launch or callback that cannot go on. The message is written for the clinician and is shown on
 * the error page as is, so it never carries a token, code, state, cookie value, key or PHI; the
 * cause (when any) is for the type name in a log line only.
 */
public class SmartFlowException extends RuntimeException {
    private final int status;

    public SmartFlowException(int status, String message) {
        super(message);
        this.status = status;
    }

    public SmartFlowException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** HTTP status of the error page: 400 bad launch, 401/403 refused, 502 the EHR misbehaved. */
    public int status() {
        return status;
    }
}
