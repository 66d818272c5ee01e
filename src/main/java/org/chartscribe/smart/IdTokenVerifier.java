package org.chartscribe.smart;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies an EHR's OpenID id_token: signature against the EHR's JWKS (asymmetric algorithms only, as
 * named in the token's header: an unlisted {@code alg}, {@code none} or an HMAC is refused, never
 * re-read as another), then {@code iss}, {@code aud} = our client_id, {@code exp} (60 s skew) and the
 * {@code nonce} of this launch. The EHR's keys are cached per JWKS URL and fetched again, at most
 * every 30 s, when a token names an unknown key (key rotation).
 */
public final class IdTokenVerifier {
    static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.PS256, JWSAlgorithm.PS384,
            JWSAlgorithm.PS512);
    private static final Duration KEYS_TTL = Duration.ofMinutes(5);
    private static final Duration REFETCH_AT_MOST_EVERY = Duration.ofSeconds(30);

    private final SmartHttp http;
    private final Clock clock;
    private final Map<URI, Keys> keys = new ConcurrentHashMap<>();

    private record Keys(JWKSet set, Instant fetchedAt) {}

    public IdTokenVerifier(SmartHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /**
     * @return the verified claims
     * @throws SmartFlowException (401) when the token fails any check; the message says which, nothing more
     */
    public JWTClaimsSet verify(String idToken, URI jwksUri, String expectedIssuer, String clientId, String nonce) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        JWKSource<SecurityContext> source = (selector, context) -> {
            List<JWK> found = selector.select(keys(jwksUri, false));
            return found.isEmpty() ? selector.select(keys(jwksUri, true)) : found;
        };
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED, source));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId,
                new JWTClaimsSet.Builder().issuer(expectedIssuer).claim("nonce", nonce).build(),
                Set.of("sub", "exp", "iat")));
        try {
            return processor.process(idToken, null);
        } catch (ParseException e) {
            throw new SmartFlowException(401, "The EHR's identity token is not a signed JWT.", e);
        } catch (BadJOSEException e) {
            throw new SmartFlowException(401, "The EHR's identity token failed verification.", e);
        } catch (JOSEException e) {
            throw new SmartFlowException(401, "The EHR's identity token could not be verified.", e);
        } catch (IllegalStateException e) {
            throw new SmartFlowException(502, "The EHR's signing keys could not be fetched.", e);
        }
    }

    /** {@code fhirUser} as the EHR wrote it (relative {@code Practitioner/123} or absolute). */
    public static Optional<String> fhirUser(JWTClaimsSet claims) {
        Object value = claims.getClaim("fhirUser");
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    private JWKSet keys(URI jwksUri, boolean unknownKid) {
        Instant now = clock.instant();
        Keys cached = keys.get(jwksUri);
        if (cached != null) {
            boolean fresh = cached.fetchedAt().plus(KEYS_TTL).isAfter(now);
            boolean mayRefetch = cached.fetchedAt().plus(REFETCH_AT_MOST_EVERY).isBefore(now);
            // reuse while fresh, unless a token names a key we do not have (rotation), at most every 30 s
            if (fresh && !(unknownKid && mayRefetch) || !mayRefetch) {
                return cached.set();
            }
        }
        try {
            HttpResponse<String> response = http.get(jwksUri, "application/json");
            if (response.statusCode() != 200) {
                throw new IllegalStateException("JWKS answered " + response.statusCode());
            }
            JWKSet set = JWKSet.parse(response.body());
            keys.put(jwksUri, new Keys(set, now));
            return set;
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("JWKS unavailable (" + e.getClass().getSimpleName() + ")");
        }
    }
}
