package org.chartscribe.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LlmPropertiesTest {

    private static LlmProperties props(String provider, String endpoint, String key, String model) {
        return entra(provider, endpoint, key, model, "api-key", null, null, null);
    }

    private static LlmProperties entra(String provider, String endpoint, String key, String model, String auth,
            String tenant, String client, String secret) {
        return new LlmProperties(provider, endpoint, key, model, "2025-01-01-preview", Duration.ofSeconds(60), 4096,
                128_000, "json_schema", 0,
                Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(90), 10, 50, Duration.ofSeconds(30),
                auth, tenant, client, secret, "https://login.microsoftonline.com/");
    }

    @Test
    void entraIdNeedsAllOfTheAppRegistrationOrNoneAndNoKey() {
        String azure = "https://x.openai.azure.com";
        assertThatThrownBy(() -> entra("azure-openai", azure, "", "m", "entra-id", "tenant", "client", "").validate())
                .hasMessageContaining("missing: CHARTSCRIBE_LLM_CLIENT_SECRET").hasMessageNotContaining("tenant");
        assertThatThrownBy(() -> entra("azure-openai", azure, "k", "m", "entra-id", null, null, null).validate())
                .hasMessageContaining("not CHARTSCRIBE_LLM_API_KEY");
        assertThatThrownBy(() -> entra("openai-compatible", azure, "", "m", "entra-id", null, null, null).validate())
                .hasMessageContaining("azure-openai only");
        assertThatThrownBy(() -> entra("azure-openai", azure, "", "m", "kerberos", null, null, null).validate())
                .hasMessageContaining("api-key or entra-id");
        entra("azure-openai", azure, "", "m", "entra-id", "tenant", "client", "s3cret").validate();
        entra("azure-openai", azure, "", "m", "entra-id", null, null, null).validate(); // the default credential chain
        String printed = entra("azure-openai", azure, "", "m", "entra-id", "tenant", "client", "s3cret-value").toString();
        assertThat(printed).contains("clientSecret=(set)").doesNotContain("s3cret-value");
    }

    @Test
    void theKeyNeverAppearsInToString() {
        String printed = props("azure-openai", "https://x.openai.azure.com", "secret-key-123", "notes").toString();
        assertThat(printed).contains("apiKey=(set)").doesNotContain("secret-key-123");
    }

    @Test
    void startUpStopsWithTheNameOfWhatIsMissingOrUnsafe() {
        assertThatThrownBy(() -> props("gemini", "https://x", "k", "m").validate()).hasMessageContaining("azure-openai or openai-compatible");
        assertThatThrownBy(() -> props("azure-openai", "", "k", "m").validate()).hasMessageContaining("CHARTSCRIBE_LLM_ENDPOINT");
        assertThatThrownBy(() -> props("azure-openai", "https://x", "k", " ").validate()).hasMessageContaining("deployment name");
        assertThatThrownBy(() -> props("azure-openai", "https://x", "", "m").validate()).hasMessageContaining("CHARTSCRIBE_LLM_API_KEY");
        // a key and PHI in clear text over the network: only a loopback gateway may be plain http
        assertThatThrownBy(() -> props("openai-compatible", "http://10.0.0.5:8000/v1", "", "m").validate())
                .hasMessageContaining("https://");
        props("openai-compatible", "http://localhost:11434/v1", "", "llama3.1").validate();
        props("azure-openai", "https://x.openai.azure.com", "k", "notes").validate();
    }

    @Test
    void anUnknownAzureApiVersionNamesTheKnownOnes() {
        assertThatThrownBy(() -> ChatModels.serviceVersion("2023-01-01")).hasMessageContaining("2024-10-01-preview");
        assertThat(ChatModels.serviceVersion("2024-06-01").getVersion()).isEqualTo("2024-06-01");
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(ProviderFailures.parse("17")).contains(Duration.ofSeconds(17));
        assertThat(ProviderFailures.parse("soon")).isEmpty();
        assertThat(ProviderFailures.parse("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
    }
}
