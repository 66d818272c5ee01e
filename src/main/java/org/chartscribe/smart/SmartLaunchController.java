package org.chartscribe.smart;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * SMART App Launch: {@code GET /smart/launch} (EHR launch with {@code iss} + {@code launch}, standalone
 * with {@code iss}) and {@code GET /smart/callback}. The only redirects it answers with are to the
 * admitted EHR's discovered authorize endpoint and to {@code /smart/app/}; every failure is an HTML
 * page with a {@code role=alert} message. Logs say what happened, never a code, state, token or cookie.
 */
@Hidden // browser redirects, not an API: kept out of the OpenAPI document
@RestController
class SmartLaunchController {
    static final String APP_PATH = "/smart/app/";
    private static final Logger log = LoggerFactory.getLogger(SmartLaunchController.class);

    private final SmartProperties properties;
    private final IssPolicy policy;
    private final SmartDiscovery discovery;
    private final JdbcSmartStore store;
    private final TokenClient tokens;
    private final IdTokenVerifier idTokens;
    private final JdbcSmartSessions sessions;
    private final Clock clock;

    SmartLaunchController(SmartProperties properties, IssPolicy policy, SmartDiscovery discovery, JdbcSmartStore store,
                          TokenClient tokens, IdTokenVerifier idTokens, JdbcSmartSessions sessions, ObjectProvider<Clock> clock) {
        this.properties = properties;
        this.policy = policy;
        this.discovery = discovery;
        this.store = store;
        this.tokens = tokens;
        this.idTokens = idTokens;
        this.sessions = sessions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/smart/launch")
    ResponseEntity<String> launch(@RequestParam(required = false) String iss,
                                  @RequestParam(required = false) String launch, HttpServletRequest request) {
        if (policy.isEmpty() || properties.clientId() == null || properties.clientId().isBlank()) {
            throw new SmartFlowException(400, "SMART launch is not configured on this ChartScribe server.");
        }
        if (iss == null || iss.isBlank()) {
            throw new SmartFlowException(400, "The launch did not say which EHR it came from (no iss).");
        }
        IssPolicy.Admitted ehr = policy.admit(iss).orElseThrow(() ->
                new SmartFlowException(400, "This EHR is not allowed to launch ChartScribe."));
        boolean ehrLaunch = launch != null && !launch.isBlank();
        SmartEndpoints endpoints = discovery.discover(ehr.iss());

        String scope = SmartScopes.forServer(properties.scopes(), endpoints.capabilities());
        if (!ehrLaunch) {
            // "launch" asks for an EHR launch context, which a standalone launch does not have
            scope = Arrays.stream(scope.split(" ")).filter(s -> !s.equals("launch")).collect(Collectors.joining(" "));
        }
        CodeVerifier verifier = new CodeVerifier();
        String state = Secrets.random();
        String nonce = Secrets.random();
        // A browser with launches in two tabs keeps one binding, so starting the second does not break the first.
        String binding = SmartCookies.read(request, SmartCookies.LAUNCH).filter(Secrets::wellFormed)
                .orElseGet(Secrets::random);
        URI redirectUri = redirectUri(request);
        Instant now = clock.instant();
        Duration ttl = properties.launchTtl();
        store.saveLaunch(Secrets.sha256(state), Secrets.sha256(binding), new PendingLaunch(ehr.iss(), endpoints,
                redirectUri, scope, verifier.getValue(), nonce, now.plus(ttl)), now);

        AuthorizationRequest.Builder authorize = new AuthorizationRequest.Builder(ResponseType.CODE,
                new ClientID(properties.clientId()))
                .endpointURI(endpoints.authorizationEndpoint())
                .redirectionURI(redirectUri)
                .scope(Scope.parse(scope))
                .state(new State(state))
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .customParameter("aud", ehr.iss());
        if (Arrays.asList(scope.split(" ")).contains("openid")) {
            authorize.customParameter("nonce", nonce);
        }
        if (ehrLaunch) {
            authorize.customParameter("launch", launch);
        }
        log.info("SMART {} launch for tenant {} ({})", ehrLaunch ? "EHR" : "standalone", ehr.tenantId(),
                ehr.dialect().code());
        return ResponseEntity.status(302)
                .location(authorize.build().toURI())
                .header(HttpHeaders.SET_COOKIE, SmartCookies.header(SmartCookies.LAUNCH, binding, "/smart/",
                        ttl, SmartCookies.secure(request)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    @GetMapping("/smart/callback")
    ResponseEntity<String> callback(@RequestParam(required = false) String code,
                                    @RequestParam(required = false) String state,
                                    @RequestParam(required = false) String error, HttpServletRequest request) {
        Instant now = clock.instant();
        if (error != null) {
            if (state != null && state.length() <= 128) {
                store.burnLaunch(Secrets.sha256(state), now);
            }
            String safe = error.replaceAll("[^A-Za-z0-9_]", "");
            throw new SmartFlowException("access_denied".equals(safe) ? 403 : 401,
                    "The EHR did not authorise ChartScribe (" + (safe.isEmpty() ? "unknown error" : safe) + ").");
        }
        if (state == null || state.isBlank() || state.length() > 128) {
            throw new SmartFlowException(400, "The sign-in answer is missing its state.");
        }
        if (code == null || code.isBlank()) {
            throw new SmartFlowException(400, "The sign-in answer is missing its authorization code.");
        }
        Optional<String> binding = SmartCookies.read(request, SmartCookies.LAUNCH);
        PendingLaunch launch = binding.flatMap(b -> store.consumeLaunch(Secrets.sha256(state), Secrets.sha256(b), now))
                .orElseThrow(() -> new SmartFlowException(400, "This sign-in is not valid here: it was already used, "
                        + "has expired, or was started in another browser."));
        IssPolicy.Admitted ehr = policy.admit(launch.iss()).orElseThrow(() ->
                new SmartFlowException(400, "This EHR is not allowed to launch ChartScribe."));

        TokenGrant grant = tokens.exchangeCode(launch.endpoints().tokenEndpoint(), code, launch.redirectUri(),
                launch.verifier());
        Optional<String> fhirUser = verifiedFhirUser(launch, grant);
        String patient = grant.patient().orElseThrow(() -> new SmartFlowException(502,
                "The EHR did not say which patient ChartScribe was opened for."));
        JdbcSmartSessions.Created created = sessions.create(ehr, launch, grant, patient, fhirUser);
        log.info("SMART session started for tenant {} ({})", ehr.tenantId(), ehr.dialect().code());
        // The binding cookie is left to expire on its own: another tab's launch may still need it.
        return ResponseEntity.status(302)
                .location(URI.create(APP_PATH))
                .header(HttpHeaders.SET_COOKIE, SmartCookies.header(SmartCookies.SESSION, created.cookieValue(), "/",
                        properties.sessionTtl(), SmartCookies.secure(request)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    /**
     * The id_token is required when {@code openid} was granted, and verified whenever the EHR publishes
     * its keys; an EHR discovered through its CapabilityStatement has no jwks_uri, and its id_token is ignored.
     */
    private Optional<String> verifiedFhirUser(PendingLaunch launch, TokenGrant grant) {
        boolean openidGranted = Arrays.asList(grant.scope().split(" ")).contains("openid");
        if (grant.idToken().isEmpty()) {
            if (openidGranted) {
                throw new SmartFlowException(502, "The EHR granted openid but sent no identity token.");
            }
            return Optional.empty();
        }
        if (launch.endpoints().jwksUri().isEmpty()) {
            // Found through the CapabilityStatement (no jwks_uri): nothing in the id_token can be trusted, so none is used.
            log.info("SMART id_token not verifiable (the EHR publishes no jwks_uri): fhirUser not taken");
            return Optional.empty();
        }
        URI jwks = launch.endpoints().jwksUri().get();
        String issuer = launch.endpoints().issuer().orElse(launch.iss());
        JWTClaimsSet claims = idTokens.verify(grant.idToken().get(), jwks, issuer, tokens.clientId(), launch.nonce());
        return IdTokenVerifier.fhirUser(claims);
    }

    private URI redirectUri(HttpServletRequest request) {
        if (properties.redirectUri() != null && !properties.redirectUri().isBlank()) {
            return URI.create(properties.redirectUri().trim());
        }
        return ServletUriComponentsBuilder.fromContextPath(request).path("/smart/callback").build().toUri();
    }

    @ExceptionHandler(SmartFlowException.class)
    ResponseEntity<String> refused(SmartFlowException e) {
        log.info("SMART launch refused: {} {}{}", e.status(), e.getMessage(),
                e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")");
        return SmartErrorPage.response(e.status(), e.getMessage(), properties.frameAncestors());
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> failed(RuntimeException e) {
        log.warn("SMART launch failed ({})", e.getClass().getSimpleName());
        return SmartErrorPage.response(500, "ChartScribe could not complete the sign-in.", properties.frameAncestors());
    }
}
