package org.chartscribe.smart.app;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.chartscribe.fhir.FhirDialect;
import org.chartscribe.smart.SmartSession;
import org.chartscribe.smart.SmartSessionExpiredException;
import org.chartscribe.smart.SmartSessions;

/**
 * Test double of the SMART session store: sessions are opened by the test (as the SMART callback would),
 * named by the {@code cs_smart_session} cookie, and can be ended or have their EHR token expire.
 */
public class FakeSmartSessions implements SmartSessions {
    public static final String COOKIE = "cs_smart_session";
    public static final String ACCESS_TOKEN = "test-ehr-access-token";

    private final Map<String, SmartSession> sessions = new ConcurrentHashMap<>();
    private final Set<String> tokenExpired = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();

    /** A session for the given EHR and patient; returns the cookie value. */
    public SmartSession open(String tenantId, String iss, String patientId, String encounterId, String fhirUser) {
        String id = random(16);
        SmartSession session = new SmartSession(id, tenantId, iss, patientId, Optional.ofNullable(encounterId),
                Optional.ofNullable(fhirUser), FhirDialect.GENERIC, random(24),
                Instant.now().plus(8, ChronoUnit.HOURS));
        sessions.put(id, session);
        return session;
    }

    /** The session ends (logout, TTL): the cookie names nothing any more. */
    public void end(SmartSession session) {
        sessions.remove(session.sessionId());
    }

    /** The EHR token expired and cannot be refreshed. */
    public void expireToken(SmartSession session) {
        tokenExpired.add(session.sessionId());
    }

    @Override
    public Optional<SmartSession> current(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return Optional.ofNullable(sessions.get(cookie.getValue()));
            }
        }
        return Optional.empty();
    }

    @Override
    public String accessToken(SmartSession session) {
        if (tokenExpired.contains(session.sessionId())) {
            throw new SmartSessionExpiredException("the EHR token expired");
        }
        return ACCESS_TOKEN;
    }

    private String random(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
