package org.chartscribe.smart;

import java.time.Instant;
import java.util.Optional;

/**
 * What a token endpoint answered. Secrets inside: never log it ({@link #toString()} is redacted).
 *
 * @param accessToken  the bearer token for the EHR's FHIR API
 * @param refreshToken present when the EHR granted {@code offline_access} / {@code online_access}
 * @param expiresAt    when the access token ends ({@code expires_in}; 5 minutes when the EHR did not say)
 * @param scope        the scopes granted (may be fewer than asked)
 * @param patient      launch context {@code patient}
 * @param encounter    launch context {@code encounter}
 * @param idToken      the raw OpenID id_token, when {@code openid} was granted
 */
public record TokenGrant(String accessToken, Optional<String> refreshToken, Instant expiresAt, String scope,
                         Optional<String> patient, Optional<String> encounter, Optional<String> idToken) {
    @Override
    public String toString() {
        return "TokenGrant[expiresAt=" + expiresAt + ", scope=" + scope
                + ", refreshToken=" + (refreshToken.isPresent() ? "(set)" : "(none)") + "]";
    }
}
