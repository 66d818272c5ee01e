package org.chartscribe.smart;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Talks to an EHR's token endpoint: authorization code (with the PKCE verifier), refresh, and
 * client credentials, authenticating the way the client is registered. OAuth errors become a
 * {@link SmartFlowException} naming the OAuth error code only (its description may echo input).
 */
public final class TokenClient {
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final String clientId;
    private final ClientAuthMethod method;
    private final Optional<String> secret;
    private final ClientAssertions assertions;
    private final SmartHttp http;
    private final Clock clock;

    public TokenClient(String clientId, ClientAuthMethod method, Optional<String> secret, ClientAssertions assertions,
                       SmartHttp http, Clock clock) {
        if (method == ClientAuthMethod.CLIENT_SECRET_BASIC && secret.isEmpty()) {
            throw new IllegalStateException(
                    "chartscribe.smart.client-auth is client_secret_basic but CHARTSCRIBE_SMART_CLIENT_SECRET is not set");
        }
        this.clientId = clientId;
        this.method = method;
        this.secret = secret;
        this.assertions = assertions;
        this.http = http;
        this.clock = clock;
    }

    public String clientId() {
        return clientId;
    }

    public ClientAuthMethod method() {
        return method;
    }

    public TokenGrant exchangeCode(URI tokenEndpoint, String code, URI redirectUri, String codeVerifier) {
        return request(tokenEndpoint, new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri,
                new CodeVerifier(codeVerifier)), null);
    }

    public TokenGrant refresh(URI tokenEndpoint, String refreshToken) {
        return request(tokenEndpoint, new RefreshTokenGrant(new RefreshToken(refreshToken)), null);
    }

    public TokenGrant clientCredentials(URI tokenEndpoint, String scopes) {
        return request(tokenEndpoint, new ClientCredentialsGrant(), Scope.parse(scopes));
    }

    private TokenGrant request(URI tokenEndpoint, AuthorizationGrant grant, Scope scope) {
        TokenRequest request = switch (method) {
            case NONE -> new TokenRequest(tokenEndpoint, new ClientID(clientId), grant, scope);
            case CLIENT_SECRET_BASIC -> new TokenRequest(tokenEndpoint,
                    new ClientSecretBasic(new ClientID(clientId), new Secret(secret.orElseThrow())), grant, scope);
            // client_id is optional next to an assertion (RFC 7523) but some servers (Spring's among them) require it
            case PRIVATE_KEY_JWT -> new TokenRequest(tokenEndpoint,
                    new PrivateKeyJWT(assertions.create(clientId, tokenEndpoint)), grant, scope, null,
                    Map.of("client_id", List.of(clientId)));
        };
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(http.send(request.toHTTPRequest()));
        } catch (IOException e) {
            throw new SmartFlowException(502, "The EHR's sign-in service could not be reached.", e);
        } catch (ParseException e) {
            throw new SmartFlowException(502, "The EHR's sign-in service gave an answer ChartScribe cannot read.", e);
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            String code = error.getCode() == null ? "unknown" : error.getCode().replaceAll("[^A-Za-z0-9_.-]", "");
            throw new SmartFlowException(error.getHTTPStatusCode() >= 500 ? 502 : 401,
                    "The EHR refused to issue a token (" + code + ").");
        }
        AccessTokenResponse ok = response.toSuccessResponse();
        // The SDK reports an absent expires_in as 0, which is also a real (already expired) answer: look.
        boolean saysLifetime = ok.toJSONObject().containsKey("expires_in");
        Duration ttl = saysLifetime ? Duration.ofSeconds(ok.getTokens().getAccessToken().getLifetime()) : DEFAULT_LIFETIME;
        Scope granted = ok.getTokens().getAccessToken().getScope();
        Optional<String> idToken = ok instanceof OIDCTokenResponse oidc && oidc.getOIDCTokens().getIDToken() != null
                ? Optional.of(oidc.getOIDCTokens().getIDTokenString()) : Optional.empty();
        return new TokenGrant(ok.getTokens().getAccessToken().getValue(),
                Optional.ofNullable(ok.getTokens().getRefreshToken()).map(RefreshToken::getValue),
                clock.instant().plus(ttl), granted == null ? "" : granted.toString(),
                stringParam(ok, "patient"), stringParam(ok, "encounter"), idToken);
    }

    private static Optional<String> stringParam(AccessTokenResponse response, String name) {
        Object value = response.getCustomParameters().get(name);
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }
}
