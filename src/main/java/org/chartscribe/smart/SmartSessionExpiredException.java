package org.chartscribe.smart;

/** The EHR's token expired and could not be refreshed: the clinician has to launch the app again. */
public class SmartSessionExpiredException extends RuntimeException {
    public SmartSessionExpiredException(String message) {
        super(message);
    }
}
