package org.chartscribe.smart;

import java.net.URI;
import java.time.Instant;

/**
 * A launch waiting for its callback. Secrets inside ({@link #toString()} is redacted).
 *
 * @param iss         the admitted FHIR base
 * @param endpoints   what discovery found at launch time (the callback uses the same ones)
 * @param redirectUri the redirect_uri sent to the authorize endpoint (the token request repeats it)
 * @param scope       the scopes asked for
 * @param verifier    the PKCE code verifier
 * @param nonce       the OpenID nonce the id_token must carry
 * @param expiresAt   after this the state is refused
 */
public record PendingLaunch(String iss, SmartEndpoints endpoints, URI redirectUri, String scope, String verifier,
                            String nonce, Instant expiresAt) {
    @Override
    public String toString() {
        return "PendingLaunch[expiresAt=" + expiresAt + "]";
    }
}
