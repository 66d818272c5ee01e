package org.chartscribe.smart;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import org.chartscribe.fhir.FhirDialect;

/**
 * A clinician's SMART on FHIR session, as the app's server side sees it: who launched ChartScribe,
 * from which EHR, for which patient and encounter. The EHR's tokens are not here: they stay encrypted
 * in the store and are handed out only through {@link SmartSessions#accessToken(SmartSession)}.
 *
 * @param sessionId   opaque server-side id (the cookie carries it; never logged)
 * @param tenantId    the tenant the launching {@code iss} maps to; notes are stored under it
 * @param iss         the EHR's FHIR base URL, as launched (no trailing slash)
 * @param patientId   {@code patient} from the token response
 * @param encounterId {@code encounter} from the token response, when the EHR gave one
 * @param fhirUser    {@code fhirUser} from the id_token, e.g. {@code Practitioner/123}, when granted
 * @param dialect     how resources are shaped and written for this EHR
 * @param csrfToken   the value the app must send as {@code X-CSRF-Token} on every POST
 * @param expiresAt   when the session ends (refresh cannot extend it past this)
 */
public record SmartSession(String sessionId, String tenantId, String iss, String patientId,
                           Optional<String> encounterId, Optional<String> fhirUser, FhirDialect dialect,
                           String csrfToken, Instant expiresAt) {

    /**
     * Whether a request's {@code X-CSRF-Token} is this session's, compared in constant time so the
     * timing of a near miss tells nothing. Every POST made with the session cookie must pass it.
     */
    public boolean csrfMatches(String sent) {
        return sent != null && !csrfToken.isEmpty() && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                csrfToken.getBytes(StandardCharsets.UTF_8));
    }

    /** Redacted: ids of the patient and the session are PHI and secrets. */
    @Override
    public String toString() {
        return "SmartSession[tenantId=" + tenantId + ", dialect=" + dialect + ", expiresAt=" + expiresAt + "]";
    }
}
