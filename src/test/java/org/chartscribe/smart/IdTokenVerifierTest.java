package org.chartscribe.smart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** id_token checks against a JWKS served over real HTTP: signature, algorithm, iss, aud, exp, nonce. */
class IdTokenVerifierTest {
    private static final String ISSUER = "https://ehr.example";
    private static HttpServer server;
    private static RSAKey key;
    private static URI jwks;
    private final IdTokenVerifier verifier = new IdTokenVerifier(new SmartHttp(Duration.ofSeconds(5)), Clock.systemUTC());

    @BeforeAll
    static void serveKeys() throws Exception {
        key = ClientKeys.rsaJwk(ClientKeys.generate(JWSAlgorithm.RS384));
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        jwks = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience("client").subject("dr-1")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", "n-1").claim("fhirUser", "Practitioner/1");
    }

    private static String signed(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private void assertRefused(String token) {
        assertThatThrownBy(() -> verifier.verify(token, jwks, ISSUER, "client", "n-1"))
                .isInstanceOf(SmartFlowException.class)
                .satisfies(e -> assertThat(((SmartFlowException) e).status()).isEqualTo(401));
    }

    @Test
    void aGoodTokenGivesItsFhirUser() throws Exception {
        JWTClaimsSet verified = verifier.verify(signed(claims().build()), jwks, ISSUER, "client", "n-1");
        assertThat(IdTokenVerifier.fhirUser(verified)).contains("Practitioner/1");
    }

    @Test
    void wrongClaimsAreRefused() throws Exception {
        assertRefused(signed(claims().claim("nonce", "n-2").build()));
        assertRefused(signed(claims().issuer("https://other.example").build()));
        assertRefused(signed(claims().audience("other-client").build()));
        assertRefused(signed(claims().expirationTime(Date.from(Instant.now().minusSeconds(600))).build()));
        assertRefused(signed(claims().claim("nonce", null).build()));
    }

    @Test
    void noneAndSymmetricAlgorithmsAreRefusedNotReinterpreted() throws Exception {
        assertRefused(new PlainJWT(new PlainHeader(), claims().build()).serialize());
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        hmac.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
        assertRefused(hmac.serialize());
        assertRefused("not-a-jwt");
    }
}
