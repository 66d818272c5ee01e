package org.chartscribe.testehr;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Beans of the test EHR's authorization server. Deliberately not a {@code @Configuration}: the
 * ChartScribe application scans {@code org.chartscribe} and must not pick this up. Registered as the
 * primary source of its own application by {@link TestAuthorizationServer#start()}.
 */
@EnableWebSecurity
@ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class})
class TestAuthorizationServerSetup {
    /** Every scope a SMART client of this EHR may ask for (v2 and v1 forms). */
    static final Set<String> SCOPES = new LinkedHashSet<>(List.of("launch", "openid", "fhirUser", "profile",
            "launch/patient", "launch/encounter", "offline_access", "online_access",
            "patient/Patient.r", "patient/Encounter.r", "patient/Coverage.rs", "user/DocumentReference.c",
            "user/Condition.c", "user/Claim.c", "user/Provenance.c", "patient/Patient.read", "patient/Encounter.read",
            "patient/Coverage.read", "user/DocumentReference.write", "user/Condition.write", "user/Claim.write",
            "user/Provenance.write"));
    static final Set<String> SYSTEM_SCOPES = Set.of("system/Patient.r", "system/Encounter.r", "system/Coverage.rs",
            "system/DocumentReference.c", "system/Condition.c", "system/Claim.c");

    @Bean
    SecurityFilterChain authorizationServer(HttpSecurity http, TestAuthorizationServer.State state,
                                            OAuth2AuthorizationService authorizations) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        OAuth2AccessTokenResponseAuthenticationSuccessHandler tokenResponse =
                new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
        tokenResponse.setAccessTokenResponseCustomizer(context -> smartTokenResponse(context, state, authorizations));
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, s -> s
                        .oidc(oidc -> { })
                        .authorizationEndpoint(a -> a.authenticationProviders(providers -> smartAuthorize(providers, state)))
                        .tokenEndpoint(t -> t.accessTokenResponseHandler(tokenResponse)))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .addFilterAfter(new SignInTheClinician(), SecurityContextHolderFilter.class);
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build(); // issuer resolved from the request: http://127.0.0.1:<port>
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new InMemoryOAuth2AuthorizationService();
    }

    @Bean
    RegisteredClientRepository registeredClients(TestAuthorizationServer.State state) {
        return new Clients(state);
    }

    @Bean
    JWKSource<SecurityContext> signingKeys() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** OpenID Connect's userinfo endpoint is a resource server: it needs to decode the tokens it issued. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKeys);
    }

    /** fhirUser in the id_token; a wrong audience when the test asks for it. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> smartClaims(TestAuthorizationServer.State state) {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                context.getClaims().claim("fhirUser", TestAuthorizationServer.CLINICIAN_FHIR_USER);
                if (state.idTokenFault == TestAuthorizationServer.IdTokenFault.WRONG_AUDIENCE) {
                    context.getClaims().audience(List.of("some-other-client"));
                }
            }
        };
    }

    /** Accepts {@code launch} and {@code aud}: the launch must be known, aud the FHIR base when one is expected. */
    private static void smartAuthorize(List<AuthenticationProvider> providers, TestAuthorizationServer.State state) {
        for (AuthenticationProvider provider : providers) {
            if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider p) {
                p.setAuthenticationValidator(new OAuth2AuthorizationCodeRequestAuthenticationValidator()
                        .andThen(context -> checkLaunchAndAudience(context, state)));
            }
        }
    }

    private static void checkLaunchAndAudience(OAuth2AuthorizationCodeRequestAuthenticationContext context,
                                               TestAuthorizationServer.State state) {
        OAuth2AuthorizationCodeRequestAuthenticationToken authorize = context.getAuthentication();
        Map<String, Object> params = authorize.getAdditionalParameters();
        Object aud = params.get("aud");
        if (aud != null) {
            state.audiencesSeen.add(aud.toString());
        }
        boolean audOk = state.expectedAudience.map(expected -> expected.equals(aud)).orElse(true);
        Object launch = params.get("launch");
        boolean launchOk = launch == null || state.launches.containsKey(launch.toString());
        if (!audOk || !launchOk) {
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error("invalid_request",
                    !audOk ? "aud is not this EHR's FHIR base" : "unknown launch", null),
                    authorize);
        }
    }

    /** patient and encounter of the launch in the token response; a broken id_token signature on request. */
    private static void smartTokenResponse(OAuth2AccessTokenAuthenticationContext context,
                                           TestAuthorizationServer.State state, OAuth2AuthorizationService authorizations) {
        OAuth2AccessTokenAuthenticationToken token = context.getAuthentication();
        Map<String, Object> params = new HashMap<>(token.getAdditionalParameters());
        OAuth2Authorization authorization = authorizations.findByToken(token.getAccessToken().getTokenValue(),
                OAuth2TokenType.ACCESS_TOKEN);
        OAuth2AuthorizationRequest request = authorization == null ? null
                : authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        if (request != null) {
            Object launch = request.getAdditionalParameters().get("launch");
            Optional<TestAuthorizationServer.LaunchContext> launched = launch != null
                    ? Optional.ofNullable(state.launches.get(launch.toString()))
                    : request.getScopes().contains("launch/patient")
                    ? state.standalonePatient.map(p -> new TestAuthorizationServer.LaunchContext(p, Optional.empty()))
                    : Optional.empty();
            launched.ifPresent(l -> {
                params.put("patient", l.patient());
                l.encounter().ifPresent(e -> params.put("encounter", e));
            });
        }
        if (state.idTokenFault == TestAuthorizationServer.IdTokenFault.BAD_SIGNATURE
                && params.get(OidcParameterNames.ID_TOKEN) instanceof String idToken) {
            params.put(OidcParameterNames.ID_TOKEN, breakSignature(idToken));
        }
        OAuth2AccessTokenResponse.Builder response = context.getAccessTokenResponse();
        response.additionalParameters(params);
    }

    /** Flips one bit of the signature: the token still parses, but no longer verifies. */
    static String breakSignature(String jwt) {
        int dot = jwt.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(jwt.substring(dot + 1));
        signature[signature.length / 2] ^= 0x01;
        return jwt.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    /** The EHR's single sign-on: every authorize request is made by the test clinician, no login page. */
    static final class SignInTheClinician extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getRequestURI().endsWith("/oauth2/authorize")) {
                SecurityContextHolder.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken
                        .authenticated(TestAuthorizationServer.CLINICIAN, "n/a", AuthorityUtils.createAuthorityList("ROLE_USER"))));
            }
            chain.doFilter(request, response);
        }
    }

    /** Registered clients, built on each lookup so the test hooks (TTL, refresh, redirect URIs) apply at once. */
    static final class Clients implements RegisteredClientRepository {
        private final TestAuthorizationServer.State state;

        Clients(TestAuthorizationServer.State state) {
            this.state = state;
        }

        @Override
        public void save(RegisteredClient registeredClient) {
            // Spring Authorization Server saves a client to upgrade its secret's encoding: the registration stays as is
        }

        @Override
        public RegisteredClient findById(String id) {
            return findByClientId(id);
        }

        @Override
        public RegisteredClient findByClientId(String clientId) {
            TestAuthorizationServer.Client c = state.clients.get(clientId);
            return c == null ? null : build(c);
        }

        private RegisteredClient build(TestAuthorizationServer.Client c) {
            RegisteredClient.Builder b = RegisteredClient.withId(c.clientId()).clientId(c.clientId());
            ClientSettings.Builder settings = ClientSettings.builder().requireAuthorizationConsent(false);
            switch (c.method()) {
                case NONE -> {
                    b.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
                    settings.requireProofKey(true);
                }
                case CLIENT_SECRET_BASIC -> b.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientSecret("{noop}" + c.secret().orElseThrow());
                case PRIVATE_KEY_JWT -> {
                    b.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
                    settings.jwkSetUrl(c.jwkSetUrl().orElseThrow())
                            .tokenEndpointAuthenticationSigningAlgorithm(
                                    SignatureAlgorithm.from(c.alg().orElseThrow().getName()));
                }
            }
            if (c.backend()) {
                b.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scopes(s -> s.addAll(SYSTEM_SCOPES));
            } else {
                b.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .scopes(s -> s.addAll(SCOPES))
                        .redirectUris(uris -> uris.addAll(state.redirectUris));
                if (state.refreshTokens) {
                    b.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
                }
            }
            b.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(state.accessTokenTtl)
                    .reuseRefreshTokens(false).build());
            return b.clientSettings(settings.build()).build();
        }
    }

}
