package org.chartscribe.smart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClientAssertionsTest {
    private static final URI TOKEN = URI.create("https://ehr.example/oauth2/token");
    private static final Instant NOW = Instant.parse("2026-12-04T06:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void rs384AssertionHasTheSmartClaimsAndVerifies() throws Exception {
        RSAKey key = ClientKeys.rsaJwk(ClientKeys.generate(JWSAlgorithm.RS384));
        ClientAssertions assertions = new ClientAssertions(ClientKeys.of(key, JWSAlgorithm.RS384), clock);
        SignedJWT jwt = assertions.create("my-client", TOKEN);

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS384);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID()).isNotBlank();
        assertThat(jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("my-client");
        assertThat(claims.getSubject()).isEqualTo("my-client");
        assertThat(claims.getAudience()).containsExactly(TOKEN.toString());
        assertThat(Duration.between(NOW, claims.getExpirationTime().toInstant())).isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(claims.getJWTID()).isNotBlank().isNotEqualTo(assertions.create("my-client", TOKEN).getJWTClaimsSet().getJWTID());
    }

    @Test
    void es384AssertionVerifiesWithThePublishedKey() throws Exception {
        ECKey key = ClientKeys.ecJwk(ClientKeys.generate(JWSAlgorithm.ES384));
        ClientKeys keys = ClientKeys.of(key, JWSAlgorithm.ES384);
        SignedJWT jwt = new ClientAssertions(keys, clock).create("c", TOKEN);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES384);
        ECKey published = (ECKey) keys.publicJwks().getKeys().get(0);
        assertThat(published.isPrivate()).isFalse();
        assertThat(jwt.verify(new ECDSAVerifier(published))).isTrue();
    }

    @Test
    void aKeyThatDoesNotFitTheAlgorithmIsAnErrorNotAnotherAlgorithm() throws Exception {
        RSAKey rsa = ClientKeys.rsaJwk(ClientKeys.generate(JWSAlgorithm.RS384));
        ClientAssertions mismatched = new ClientAssertions(ClientKeys.of(rsa, JWSAlgorithm.ES384), clock);
        assertThatThrownBy(() -> mismatched.create("c", TOKEN)).hasMessageContaining("does not fit ES384");
        assertThatThrownBy(() -> ClientKeys.algorithm("RS256")).hasMessageContaining("RS384 or ES384");
        assertThatThrownBy(() -> ClientKeys.algorithm("none")).hasMessageContaining("RS384 or ES384");
    }

    /** RFC 7636 appendix B: the S256 challenge ChartScribe sends is what the EHR recomputes. */
    @Test
    void pkceS256MatchesTheRfcExample() {
        CodeVerifier verifier = new CodeVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assertThat(CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue())
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertThat(new CodeVerifier().getValue()).hasSizeGreaterThanOrEqualTo(43);
    }
}
