package org.chartscribe.smart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmartPropertiesTest {

    private static SmartProperties with(String secret, String auth) {
        return new SmartProperties("https://ehr.example", "client", secret, auth, "RS384", null,
                SmartProperties.DEFAULT_SCOPES, null, null, null, Duration.ofHours(8), Duration.ofMinutes(10), null,
                SmartProperties.DEFAULT_BACKEND_SCOPES, Duration.ofSeconds(10), null, "'self'");
    }

    @Test
    void clientAuthDefaultsToBasicWithASecretAndPublicWithout() {
        assertThat(with("s", null).authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(with(null, "").authMethod()).isEqualTo(ClientAuthMethod.NONE);
        assertThat(with(null, "private_key_jwt").authMethod()).isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
        assertThatThrownBy(() -> with(null, "client_secret_jwt").authMethod()).hasMessageContaining("must be one of");
    }

    @Test
    void toStringRedactsTheSecret() {
        assertThat(with("very-secret-value", null).toString()).doesNotContain("very-secret-value").contains("(set)");
    }

    @Test
    void backendClientIdDefaultsToTheClientId() {
        assertThat(with(null, null).effectiveBackendClientId()).isEqualTo("client");
    }

    @Test
    void frameAncestorsAreOneCspValueWhateverSeparatesThem() {
        assertThat(SmartProperties.frameAncestorSources("'self', https://ehr.example.org,https://b.example"))
                .isEqualTo("'self' https://ehr.example.org https://b.example");
        assertThat(SmartProperties.frameAncestorSources(" ")).isEqualTo("'self'");
        assertThat(SmartProperties.frameAncestorSources(null)).isEqualTo("'self'");
    }
}
