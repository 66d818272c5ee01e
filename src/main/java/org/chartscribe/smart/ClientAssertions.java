package org.chartscribe.smart;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Signed JWT client assertions (RFC 7523, SMART's asymmetric client authentication): iss = sub =
 * client_id, aud = the token URL, a lifetime of at most five minutes, a unique {@code jti} and the
 * key's {@code kid} in the header. The algorithm is the configured one and must fit the key type.
 */
public final class ClientAssertions {
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final ClientKeys keys;
    private final Clock clock;

    public ClientAssertions(ClientKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public SignedJWT create(String clientId, URI tokenEndpoint) {
        JWK key = keys.signingKey();
        JWSAlgorithm alg = keys.algorithm();
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(clientId).subject(clientId).audience(tokenEndpoint.toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
                claims);
        try {
            jwt.sign(signer(key, alg));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the client assertion with " + alg
                    + " (" + e.getClass().getSimpleName() + ")");
        }
        return jwt;
    }

    private static JWSSigner signer(JWK key, JWSAlgorithm alg) throws JOSEException {
        if (alg == JWSAlgorithm.RS384 && key instanceof RSAKey rsa) {
            return new RSASSASigner(rsa);
        }
        if (alg == JWSAlgorithm.ES384 && key instanceof ECKey ec) {
            return new ECDSASigner(ec);
        }
        throw new IllegalStateException("the SMART signing key does not fit " + alg);
    }
}
