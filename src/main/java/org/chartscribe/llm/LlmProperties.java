package org.chartscribe.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The LLM note engine's settings, bound from {@code chartscribe.llm.*} ({@code CHARTSCRIBE_LLM_*}).
 * No provider means no LLM engine: {@code engine=auto} is the embedded engine and {@code engine=llm}
 * answers 503.
 *
 * @param provider        {@code azure-openai} or {@code openai-compatible}; empty = no LLM engine
 * @param endpoint        Azure resource URL ({@code https://NAME.openai.azure.com}) or an OpenAI-compatible
 *                        base URL including {@code /v1} ({@code http://localhost:11434/v1} for Ollama)
 * @param apiKey          Azure {@code api-key} or the bearer key of the compatible server (may be empty there)
 * @param model           the Azure deployment name, or the model name on the compatible server
 * @param apiVersion      Azure OpenAI REST API version ({@code api-version})
 * @param timeout         how long one model call may take before the request gives up on it
 * @param maxOutputTokens token limit of the answer (the note)
 * @param contextTokens   the model's context window: prompt plus answer must fit, or the request is refused
 * @param responseFormat  {@code json_schema} (structured outputs), {@code json_object}, or {@code text} for
 *                        servers that support neither; the answer is validated either way
 * @param maxRetries      retries of a failed call (429, 5xx, timeout, unreachable) after the first attempt;
 *                        the provider clients' own retries are off so this is the only bound
 * @param retryBackoff    the wait before the first retry, doubled for each further one, with +-50% jitter
 * @param retryAfterMax   the longest {@code Retry-After} honoured within a request; a longer one ends the
 *                        attempts at once (fallback, or 503 with that {@code Retry-After})
 * @param deadline        the budget of one request for all its attempts and waits: no attempt or wait
 *                        starts that would begin after it (one attempt is bounded by {@code timeout})
 * @param breakerWindow   the circuit breaker looks at the outcome of the last this-many calls
 * @param breakerFailureRate percentage of provider failures (5xx, timeouts, unreachable) in the window
 *                        that opens the breaker; while open, calls fail fast without reaching the provider
 * @param breakerOpenFor  how long the breaker stays open before letting trial calls through
 * @param auth            Azure only: {@code api-key} (the default) or {@code entra-id} (a Microsoft Entra ID
 *                        bearer token for {@code https://cognitiveservices.azure.com/.default}, no key)
 * @param tenantId        Entra ID: the tenant of the app registration (with clientId and clientSecret); all
 *                        three unset = azure-identity's default chain (managed identity, workload identity,
 *                        {@code AZURE_*} variables, Azure CLI)
 * @param clientId        Entra ID: the app registration's client (application) id
 * @param clientSecret    Entra ID: the app registration's client secret
 * @param authorityHost   Entra ID: the sign-in host, another for sovereign clouds
 *                        ({@code https://login.microsoftonline.us/}); https only
 */
@ConfigurationProperties(prefix = "chartscribe.llm")
public record LlmProperties(
        String provider,
        String endpoint,
        String apiKey,
        String model,
        @DefaultValue("2025-01-01-preview") String apiVersion,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("4096") int maxOutputTokens,
        @DefaultValue("128000") int contextTokens,
        @DefaultValue("json_schema") String responseFormat,
        @DefaultValue("2") int maxRetries,
        @DefaultValue("500ms") Duration retryBackoff,
        @DefaultValue("10s") Duration retryAfterMax,
        @DefaultValue("90s") Duration deadline,
        @DefaultValue("10") int breakerWindow,
        @DefaultValue("50") int breakerFailureRate,
        @DefaultValue("30s") Duration breakerOpenFor,
        @DefaultValue("api-key") String auth,
        String tenantId,
        String clientId,
        String clientSecret,
        @DefaultValue("https://login.microsoftonline.com/") String authorityHost) {

    public enum Provider { AZURE_OPENAI, OPENAI_COMPATIBLE }

    /** How ChartScribe proves itself to Azure OpenAI. */
    public enum Auth { API_KEY, ENTRA_ID }

    public Auth authKind() {
        return switch (auth == null ? "api-key" : auth.strip().toLowerCase(Locale.ROOT)) {
            case "api-key", "" -> Auth.API_KEY;
            case "entra-id" -> Auth.ENTRA_ID;
            default -> throw new IllegalStateException("CHARTSCRIBE_LLM_AUTH must be api-key or entra-id");
        };
    }

    /** Entra ID with an app registration's secret (all three set), rather than the default credential chain. */
    public boolean hasClientSecret() {
        return set(tenantId) && set(clientId) && set(clientSecret);
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }

    public boolean configured() {
        return provider != null && !provider.isBlank();
    }

    /** The provider, or a start-up error that says what is accepted. */
    public Provider providerKind() {
        return switch (provider.strip().toLowerCase(Locale.ROOT)) {
            case "azure-openai", "azure" -> Provider.AZURE_OPENAI;
            case "openai-compatible", "openai" -> Provider.OPENAI_COMPATIBLE;
            default -> throw new IllegalStateException("CHARTSCRIBE_LLM_PROVIDER must be azure-openai or openai-compatible");
        };
    }

    /** Checks what start-up needs, with messages naming the variable (never its value when secret). */
    public void validate() {
        Provider kind = providerKind();
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException("CHARTSCRIBE_LLM_ENDPOINT is required with CHARTSCRIBE_LLM_PROVIDER");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalStateException("CHARTSCRIBE_LLM_MODEL is required with CHARTSCRIBE_LLM_PROVIDER"
                    + (kind == Provider.AZURE_OPENAI ? " (the deployment name)" : ""));
        }
        Auth authKind = authKind();
        if (authKind == Auth.ENTRA_ID) {
            validateEntraId(kind);
        } else if (kind == Provider.AZURE_OPENAI && !hasApiKey()) {
            throw new IllegalStateException("CHARTSCRIBE_LLM_API_KEY is required for azure-openai "
                    + "(or CHARTSCRIBE_LLM_AUTH=entra-id for a Microsoft Entra ID token)");
        }
        URI uri = URI.create(endpoint.strip());
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !("http".equalsIgnoreCase(uri.getScheme()) && loopback(uri))) {
            // a key and the transcript (PHI) would cross the network in clear text
            throw new IllegalStateException("CHARTSCRIBE_LLM_ENDPOINT must be https:// (plain http only on localhost)");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalStateException("CHARTSCRIBE_LLM_TIMEOUT must be positive");
        }
        if (maxOutputTokens <= 0 || contextTokens <= maxOutputTokens) {
            throw new IllegalStateException("CHARTSCRIBE_LLM_CONTEXT_TOKENS must exceed CHARTSCRIBE_LLM_MAX_OUTPUT_TOKENS");
        }
        if (!java.util.List.of("json_schema", "json_object", "text").contains(responseFormat)) {
            throw new IllegalStateException("CHARTSCRIBE_LLM_RESPONSE_FORMAT must be json_schema, json_object or text");
        }
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalStateException("CHARTSCRIBE_LLM_MAX_RETRIES must be 0 to 10");
        }
        if (retryBackoff.isNegative() || retryAfterMax.isNegative() || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalStateException("CHARTSCRIBE_LLM_RETRY_BACKOFF and CHARTSCRIBE_LLM_RETRY_AFTER_MAX must not be "
                    + "negative, CHARTSCRIBE_LLM_DEADLINE must be positive");
        }
        if (breakerWindow < 1 || breakerFailureRate < 1 || breakerFailureRate > 100 || breakerOpenFor.isNegative()
                || breakerOpenFor.isZero()) {
            throw new IllegalStateException("CHARTSCRIBE_LLM_BREAKER_WINDOW must be at least 1, "
                    + "CHARTSCRIBE_LLM_BREAKER_FAILURE_RATE 1 to 100 and CHARTSCRIBE_LLM_BREAKER_OPEN_FOR positive");
        }
    }

    private void validateEntraId(Provider kind) {
        if (kind != Provider.AZURE_OPENAI) {
            throw new IllegalStateException("CHARTSCRIBE_LLM_AUTH=entra-id is for azure-openai only");
        }
        if (hasApiKey()) {
            throw new IllegalStateException("CHARTSCRIBE_LLM_AUTH=entra-id uses a token, not CHARTSCRIBE_LLM_API_KEY: unset one");
        }
        java.util.List<String> missing = new java.util.ArrayList<>();
        if (!set(tenantId)) {
            missing.add("CHARTSCRIBE_LLM_TENANT_ID");
        }
        if (!set(clientId)) {
            missing.add("CHARTSCRIBE_LLM_CLIENT_ID");
        }
        if (!set(clientSecret)) {
            missing.add("CHARTSCRIBE_LLM_CLIENT_SECRET");
        }
        if (missing.size() != 0 && missing.size() != 3) {
            throw new IllegalStateException("CHARTSCRIBE_LLM_AUTH=entra-id with an app registration needs "
                    + "CHARTSCRIBE_LLM_TENANT_ID, CHARTSCRIBE_LLM_CLIENT_ID and CHARTSCRIBE_LLM_CLIENT_SECRET; missing: "
                    + String.join(", ", missing) + " (or set none of them to use the default Azure credential chain)");
        }
        URI authority = URI.create(authorityHost == null ? "" : authorityHost.strip());
        if (!"https".equalsIgnoreCase(authority.getScheme()) || authority.getHost() == null) {
            throw new IllegalStateException("CHARTSCRIBE_LLM_AUTHORITY_HOST must be an https:// URL");
        }
    }

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    static boolean loopback(URI uri) {
        String host = uri.getHost();
        return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
                || host.equals("::1"));
    }

    /** The key and the client secret are redacted: this record may be printed by actuator or a careless log line. */
    @Override
    public String toString() {
        return "LlmProperties[provider=" + provider + ", endpoint=" + endpoint + ", apiKey="
                + (hasApiKey() ? "(set)" : "(unset)") + ", model=" + model + ", apiVersion=" + apiVersion
                + ", timeout=" + timeout + ", maxOutputTokens=" + maxOutputTokens + ", contextTokens=" + contextTokens
                + ", responseFormat=" + responseFormat + ", maxRetries=" + maxRetries + ", retryBackoff=" + retryBackoff
                + ", retryAfterMax=" + retryAfterMax + ", deadline=" + deadline + ", breakerWindow=" + breakerWindow
                + ", breakerFailureRate=" + breakerFailureRate + ", breakerOpenFor=" + breakerOpenFor + ", auth=" + auth
                + ", tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret="
                + (set(clientSecret) ? "(set)" : "(unset)") + ", authorityHost=" + authorityHost + "]";
    }
}
