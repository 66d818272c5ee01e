package org.chartscribe.smart;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The clinician app's sessions, created by the SMART callback and read by the app's own endpoints. */
public interface SmartSessions {

    /** The live session the request's cookie names; empty when there is none, or it expired or was revoked. */
    Optional<SmartSession> current(HttpServletRequest request);

    /**
     * A currently valid EHR access token for the session, refreshed first when it is about to expire.
     *
     * @throws SmartSessionExpiredException when the token expired and cannot be refreshed
     */
    String accessToken(SmartSession session);
}
