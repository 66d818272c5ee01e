package org.chartscribe.testehr;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test EHR's authorization server: Spring Authorization Server in its own Spring Boot application
 * (same JVM, random port, config name {@code test-ehr}, an explicit handful of auto-configurations),
 * customised to behave like a SMART App Launch 2.x EHR:
 * <ul>
 *   <li>the authorize endpoint takes {@code launch} (a launch id from {@link #launchContext}) and
 *       {@code aud} (checked against {@link #expectAudience} when set), signs in {@link #CLINICIAN}
 *       without a login page and asks no consent;</li>
 *   <li>the token response carries {@code patient} and {@code encounter} of the launch (or of
 *       {@link #standalonePatient} for a standalone launch), the id_token carries {@code fhirUser};</li>
 *   <li>PKCE is required for the public client; refresh tokens for confidential clients; client
 *       authentication none, client_secret_basic and private_key_jwt (RS384 / ES384, keys from the
 *       client's JWKS URL); client_credentials for backend clients.</li>
 * </ul>
 * It serves no {@code .well-known/smart-configuration}: that belongs at the FHIR base; use
 * {@link #smartConfiguration()} for its content. Test hooks change token lifetime, refresh tokens and
 * id_token faults at run time. Endpoints use {@code 127.0.0.1}: Spring Authorization Server refuses
 * {@code localhost} redirect URIs and matches loopback-IP redirect URIs on any port.
 * <pre>
 * TestAuthorizationServer ehr = TestAuthorizationServer.start();
 * ehr.registerClient(TestAuthorizationServer.Client.privateKeyJwt("cs", JWSAlgorithm.RS384, jwksUrl));
 * String launch = ehr.launchContext("pat-1", "enc-1");
 * ...
 * ehr.close();
 * </pre>
 */
public final class TestAuthorizationServer implements AutoCloseable {
    /** The clinician every authorize request is signed in as (id_token {@code sub}). */
    public static final String CLINICIAN = "test-clinician";
    /** The id_token's {@code fhirUser}. */
    public static final String CLINICIAN_FHIR_USER = "Practitioner/test-clinician";
    /** Redirect URI registered for every client by default: any port on the loopback IP. */
    public static final String LOOPBACK_CALLBACK = "http://127.0.0.1/smart/callback";

    /** What to break in the next id_tokens. */
    public enum IdTokenFault { NONE, BAD_SIGNATURE, WRONG_AUDIENCE }

    /** A client registration. */
    public record Client(String clientId, Method method, Optional<String> secret, Optional<JWSAlgorithm> alg,
                         Optional<String> jwkSetUrl, boolean backend) {
        public enum Method { NONE, CLIENT_SECRET_BASIC, PRIVATE_KEY_JWT }

        public static Client publicClient(String clientId) {
            return new Client(clientId, Method.NONE, Optional.empty(), Optional.empty(), Optional.empty(), false);
        }

        public static Client secretBasic(String clientId, String secret) {
            return new Client(clientId, Method.CLIENT_SECRET_BASIC, Optional.of(secret), Optional.empty(),
                    Optional.empty(), false);
        }

        public static Client privateKeyJwt(String clientId, JWSAlgorithm alg, String jwkSetUrl) {
            return new Client(clientId, Method.PRIVATE_KEY_JWT, Optional.empty(), Optional.of(alg),
                    Optional.of(jwkSetUrl), false);
        }

        /** client_credentials with a JWT assertion, {@code system/*} scopes. */
        public static Client backend(String clientId, JWSAlgorithm alg, String jwkSetUrl) {
            return new Client(clientId, Method.PRIVATE_KEY_JWT, Optional.empty(), Optional.of(alg),
                    Optional.of(jwkSetUrl), true);
        }
    }

    /** A launch context registered by a test. */
    record LaunchContext(String patient, Optional<String> encounter) {}

    /** Mutable state shared with the server's beans. Thread-safe. */
    static final class State {
        final Map<String, Client> clients = new ConcurrentHashMap<>();
        final Map<String, LaunchContext> launches = new ConcurrentHashMap<>();
        final List<String> redirectUris = new CopyOnWriteArrayList<>(List.of(LOOPBACK_CALLBACK));
        volatile Duration accessTokenTtl = Duration.ofMinutes(5);
        volatile boolean refreshTokens = true;
        volatile IdTokenFault idTokenFault = IdTokenFault.NONE;
        volatile Optional<String> expectedAudience = Optional.empty();
        volatile Optional<String> standalonePatient = Optional.of("standalone-patient");
        final List<String> audiencesSeen = new CopyOnWriteArrayList<>();
    }

    private final ConfigurableApplicationContext context;
    private final State state;
    private final String issuer;

    private TestAuthorizationServer(ConfigurableApplicationContext context, State state) {
        this.context = context;
        this.state = state;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.issuer = "http://127.0.0.1:" + port;
    }

    /** Starts the server on a random port. */
    public static TestAuthorizationServer start() {
        State state = new State();
        SpringApplicationBuilder builder = new SpringApplicationBuilder(TestAuthorizationServerSetup.class)
                .properties("spring.config.name=test-ehr", "server.port=0", "server.address=127.0.0.1",
                        "spring.main.banner-mode=off", "spring.jmx.enabled=false")
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("testEhrState", state));
        // The app under test owns the logging system: this second application must not re-initialise it.
        builder.application().setListeners(builder.application().getListeners().stream()
                .filter(l -> !(l instanceof LoggingApplicationListener)).toList());
        return new TestAuthorizationServer(builder.run(), state);
    }

    public String issuer() {
        return issuer;
    }

    public URI authorizationEndpoint() {
        return URI.create(issuer + "/oauth2/authorize");
    }

    public URI tokenEndpoint() {
        return URI.create(issuer + "/oauth2/token");
    }

    public URI jwksUri() {
        return URI.create(issuer + "/oauth2/jwks");
    }

    /**
     * The content of {@code {fhirBase}/.well-known/smart-configuration} for this server (SMART App
     * Launch 2.x), for the FHIR server of the test EHR to serve.
     */
    public Map<String, Object> smartConfiguration() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("issuer", issuer);
        config.put("authorization_endpoint", authorizationEndpoint().toString());
        config.put("token_endpoint", tokenEndpoint().toString());
        config.put("jwks_uri", jwksUri().toString());
        config.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials"));
        config.put("token_endpoint_auth_methods_supported", List.of("none", "client_secret_basic", "private_key_jwt"));
        config.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "ES384"));
        config.put("scopes_supported", new ArrayList<>(TestAuthorizationServerSetup.SCOPES));
        config.put("response_types_supported", List.of("code"));
        config.put("code_challenge_methods_supported", List.of("S256"));
        config.put("capabilities", List.of("launch-ehr", "launch-standalone", "client-public",
                "client-confidential-symmetric", "client-confidential-asymmetric", "context-ehr-patient",
                "context-ehr-encounter", "context-standalone-patient", "sso-openid-connect", "permission-offline",
                "permission-patient", "permission-user", "permission-v1", "permission-v2"));
        return config;
    }

    public void registerClient(Client client) {
        state.clients.put(client.clientId(), client);
    }

    /** Also allow this exact redirect URI (the loopback-IP callback on any port is allowed already). */
    public void allowRedirectUri(String redirectUri) {
        state.redirectUris.add(redirectUri);
    }

    /** Registers what the EHR launched the app for; returns the opaque {@code launch} value. */
    public String launchContext(String patientId, String encounterId) {
        String launch = "launch-" + UUID.randomUUID();
        state.launches.put(launch, new LaunchContext(patientId, Optional.ofNullable(encounterId)));
        return launch;
    }

    /** The patient a standalone launch (no {@code launch}, scope {@code launch/patient}) gets. */
    public void standalonePatient(String patientId) {
        state.standalonePatient = Optional.ofNullable(patientId);
    }

    /** Refuse authorize requests whose {@code aud} is not this FHIR base. */
    public void expectAudience(String fhirBase) {
        state.expectedAudience = Optional.of(fhirBase);
    }

    /** The {@code aud} values authorize requests carried, in order. */
    public List<String> audiencesSeen() {
        return List.copyOf(state.audiencesSeen);
    }

    /** Lifetime of access tokens issued from now on (at least one second). */
    public void accessTokenTtl(Duration ttl) {
        state.accessTokenTtl = ttl;
    }

    /** Whether confidential clients get refresh tokens from now on (public clients never do). */
    public void issueRefreshTokens(boolean issue) {
        state.refreshTokens = issue;
    }

    public void idTokenFault(IdTokenFault fault) {
        state.idTokenFault = fault;
    }

    /** Back to defaults: 5-minute tokens, refresh tokens, honest id_tokens; clients and launches stay. */
    public void reset() {
        state.accessTokenTtl = Duration.ofMinutes(5);
        state.refreshTokens = true;
        state.idTokenFault = IdTokenFault.NONE;
        state.standalonePatient = Optional.of("standalone-patient");
    }

    @Override
    public void close() {
        context.close();
    }
}
