package org.chartscribe.llm;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.SimpleTokenCache;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import reactor.core.publisher.Mono;

/**
 * Microsoft Entra ID bearer tokens for Azure OpenAI ({@code CHARTSCRIBE_LLM_AUTH=entra-id}): from an app
 * registration's client secret when its tenant, client id and secret are configured, otherwise from
 * azure-identity's default chain (managed identity, workload identity, {@code AZURE_*} variables, Azure
 * CLI). A token is fetched when first needed, cached, and renewed before it expires (azure-core's token
 * cache); it goes into the {@code Authorization} header and nowhere else (never logged).
 *
 * <p>The policy is ours rather than azure-core's bearer policy, which refuses plain http; ChartScribe
 * allows http only to a loopback gateway (checked at start-up), the same rule as for the API key.
 */
final class EntraIdTokens implements HttpPipelinePolicy {

    static final String SCOPE = "https://cognitiveservices.azure.com/.default";

    private final SimpleTokenCache cache;

    EntraIdTokens(TokenCredential credential) {
        TokenRequestContext scope = new TokenRequestContext().addScopes(SCOPE);
        this.cache = new SimpleTokenCache(() -> credential.getToken(scope));
    }

    /** The configured credential; its token requests use {@code http} (the client the model calls use). */
    static EntraIdTokens from(LlmProperties p, HttpClient http) {
        String authority = p.authorityHost().strip();
        if (p.hasClientSecret()) {
            ClientSecretCredentialBuilder b = new ClientSecretCredentialBuilder().tenantId(p.tenantId().strip())
                    .clientId(p.clientId().strip()).clientSecret(p.clientSecret().strip()).authorityHost(authority)
                    .httpClient(http);
            if (!microsoftCloud(authority)) {
                b.disableInstanceDiscovery();
            }
            return new EntraIdTokens(b.build());
        }
        DefaultAzureCredentialBuilder b = new DefaultAzureCredentialBuilder().authorityHost(authority).httpClient(http);
        if (!microsoftCloud(authority)) {
            b.disableInstanceDiscovery();
        }
        return new EntraIdTokens(b.build());
    }

    /**
     * A sign-in host of Microsoft's public or sovereign clouds. MSAL checks another host by asking the public
     * cloud's instance discovery, which does not know it (Azure Stack Hub's own authority, a private one):
     * for those the check is off and the configured host is trusted as given.
     */
    static boolean microsoftCloud(String authorityHost) {
        String host = java.net.URI.create(authorityHost).getHost();
        return host != null && java.util.Set.of("login.microsoftonline.com", "login.microsoftonline.us",
                "login.chinacloudapi.cn", "login.partner.microsoftonline.cn").contains(host.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        return cache.getToken().flatMap(token -> {
            authorize(context, token);
            return next.process();
        });
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        authorize(context, cache.getToken().block());
        return next.processSync();
    }

    private static void authorize(HttpPipelineCallContext context, AccessToken token) {
        if (token == null) {
            throw new IllegalStateException("Microsoft Entra ID gave no token for Azure OpenAI");
        }
        context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, "Bearer " + token.getToken());
    }
}
