package org.chartscribe.smart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.chartscribe.testehr.TestAuthorizationServer;
import org.chartscribe.testehr.TestAuthorizationServer.Client;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every client authentication against the real authorization server, without the rest of ChartScribe:
 * public (PKCE, no refresh token), client_secret_basic, private_key_jwt with RS384 and with ES384
 * (the EHR fetches the public keys from a JWKS URL, as it would from ChartScribe's), and backend
 * services (client_credentials with a JWT assertion, cached until near expiry).
 */
class SmartClientAuthIT {
    private static final String REDIRECT = "http://127.0.0.1:9/smart/callback";
    private static TestAuthorizationServer ehr;
    private static FhirBaseDouble fhir;
    private static ClientKeys rsKeys;
    private static ClientKeys ecKeys;
    private static final SmartHttp HTTP = new SmartHttp(Duration.ofSeconds(10));

    @BeforeAll
    static void start() throws Exception {
        ehr = TestAuthorizationServer.start();
        fhir = FhirBaseDouble.start(ehr);
        rsKeys = ClientKeys.of(ClientKeys.rsaJwk(ClientKeys.generate(JWSAlgorithm.RS384)), JWSAlgorithm.RS384);
        ecKeys = ClientKeys.of(ClientKeys.ecJwk(ClientKeys.generate(JWSAlgorithm.ES384)), JWSAlgorithm.ES384);
        fhir.serveJson("/rs/jwks.json", () -> rsKeys.publicJwks().toJSONObject(true));
        fhir.serveJson("/ec/jwks.json", () -> ecKeys.publicJwks().toJSONObject(true));
    }

    @AfterAll
    static void stop() {
        fhir.close();
        ehr.close();
    }

    @Test
    void publicClientWithPkce() {
        ehr.registerClient(Client.publicClient("pub"));
        TokenGrant grant = codeFlow(client("pub", ClientAuthMethod.NONE, Optional.empty(), rsKeys));
        assertThat(grant.refreshToken()).as("public clients get no refresh token").isEmpty();
    }

    @Test
    void clientSecretBasic() {
        ehr.registerClient(Client.secretBasic("basic", "s3cret-for-tests"));
        TokenClient client = client("basic", ClientAuthMethod.CLIENT_SECRET_BASIC, Optional.of("s3cret-for-tests"), rsKeys);
        TokenGrant grant = codeFlow(client);
        assertThat(client.refresh(ehr.tokenEndpoint(), grant.refreshToken().orElseThrow()).accessToken())
                .isNotBlank().isNotEqualTo(grant.accessToken());
    }

    @Test
    void aWrongSecretIsRefused() {
        ehr.registerClient(Client.secretBasic("basic2", "right"));
        TokenClient client = client("basic2", ClientAuthMethod.CLIENT_SECRET_BASIC, Optional.of("wrong"), rsKeys);
        assertThatThrownBy(() -> codeFlow(client)).isInstanceOf(SmartFlowException.class)
                .hasMessageContaining("invalid_client");
    }

    @Test
    void privateKeyJwtRs384() {
        ehr.registerClient(Client.privateKeyJwt("jwt-rs", JWSAlgorithm.RS384, fhir.base("rs/jwks.json")));
        TokenClient client = client("jwt-rs", ClientAuthMethod.PRIVATE_KEY_JWT, Optional.empty(), rsKeys);
        TokenGrant grant = codeFlow(client);
        assertThat(client.refresh(ehr.tokenEndpoint(), grant.refreshToken().orElseThrow()).accessToken()).isNotBlank();
    }

    @Test
    void privateKeyJwtEs384() {
        ehr.registerClient(Client.privateKeyJwt("jwt-ec", JWSAlgorithm.ES384, fhir.base("ec/jwks.json")));
        TokenClient client = client("jwt-ec", ClientAuthMethod.PRIVATE_KEY_JWT, Optional.empty(), ecKeys);
        TokenGrant grant = codeFlow(client);
        assertThat(client.refresh(ehr.tokenEndpoint(), grant.refreshToken().orElseThrow()).accessToken()).isNotBlank();
    }

    @Test
    void anAssertionSignedWithAnotherKeyIsRefused() {
        ehr.registerClient(Client.privateKeyJwt("jwt-other", JWSAlgorithm.ES384, fhir.base("ec/jwks.json")));
        ClientKeys other;
        try {
            other = ClientKeys.of(ClientKeys.ecJwk(ClientKeys.generate(JWSAlgorithm.ES384)), JWSAlgorithm.ES384);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        TokenClient client = client("jwt-other", ClientAuthMethod.PRIVATE_KEY_JWT, Optional.empty(), other);
        assertThatThrownBy(() -> codeFlow(client)).isInstanceOf(SmartFlowException.class)
                .hasMessageContaining("invalid_client");
    }

    @Test
    void backendServicesGetASystemTokenAndReuseIt() {
        ehr.registerClient(Client.backend("backend", JWSAlgorithm.ES384, fhir.base("ec/jwks.json")));
        String iss = fhir.base(FhirBaseDouble.V2);
        IssPolicy policy = new IssPolicy(iss, null, null);
        TokenClient client = client("backend", ClientAuthMethod.PRIVATE_KEY_JWT, Optional.empty(), ecKeys);
        BackendServicesTokens backend = new BackendServicesTokens(policy,
                new SmartDiscovery(HTTP, Clock.systemUTC()), client, SmartProperties.DEFAULT_BACKEND_SCOPES,
                Clock.systemUTC());

        String token = backend.accessToken(iss);
        assertThat(token).isNotBlank();
        assertThat(backend.accessToken(iss)).isEqualTo(token);
        assertThatThrownBy(() -> backend.accessToken("https://not-allowed.example/fhir"))
                .isInstanceOf(SmartFlowException.class);
    }

    private static TokenClient client(String clientId, ClientAuthMethod method, Optional<String> secret, ClientKeys keys) {
        return new TokenClient(clientId, method, secret, new ClientAssertions(keys, Clock.systemUTC()), HTTP,
                Clock.systemUTC());
    }

    /** Authorize as a browser would (the EHR signs the clinician in), then exchange the code. */
    private static TokenGrant codeFlow(TokenClient client) {
        CodeVerifier verifier = new CodeVerifier();
        String launch = ehr.launchContext("pat-auth", "enc-auth");
        String authorize = ehr.authorizationEndpoint() + "?response_type=code&client_id=" + client.clientId()
                + "&redirect_uri=" + SmartBrowser.enc(REDIRECT) + "&scope=" + SmartBrowser.enc("launch openid fhirUser")
                + "&state=abc&aud=" + SmartBrowser.enc(fhir.base(FhirBaseDouble.V2)) + "&launch=" + launch
                + "&code_challenge=" + CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue()
                + "&code_challenge_method=S256";
        SmartBrowser.Response answer = new SmartBrowser().get(authorize);
        assertThat(answer.status()).isEqualTo(302);
        Map<String, String> callback = SmartBrowser.query(answer.location().orElseThrow());
        assertThat(callback).containsKey("code").containsEntry("state", "abc");
        TokenGrant grant = client.exchangeCode(ehr.tokenEndpoint(), callback.get("code"), URI.create(REDIRECT),
                verifier.getValue());
        assertThat(grant.accessToken()).isNotBlank();
        assertThat(grant.patient()).contains("pat-auth");
        assertThat(grant.encounter()).contains("enc-auth");
        assertThat(grant.idToken()).isPresent();
        return grant;
    }

}
