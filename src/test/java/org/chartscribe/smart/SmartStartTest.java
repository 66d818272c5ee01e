package org.chartscribe.smart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;
import org.chartscribe.ChartScribeApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The SMART settings as the application binds them at start-up: defaults, the local key, clear errors. */
class SmartStartTest {
    private static final String ENCRYPTION_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dataDir;

    @Test
    void localModeStartsWithDocumentedDefaultsAndGeneratesTheClientKey() {
        try (ConfigurableApplicationContext context = start()) {
            SmartProperties smart = context.getBean(SmartProperties.class);
            assertThat(smart.scopes()).isEqualTo(SmartProperties.DEFAULT_SCOPES);
            assertThat(smart.sessionTtl()).hasHours(8);
            assertThat(smart.launchTtl()).hasMinutes(10);
            assertThat(smart.signingAlg()).isEqualTo("RS384");
            assertThat(smart.frameAncestors()).isEqualTo("'self'");
            assertThat(smart.authMethod()).isEqualTo(ClientAuthMethod.NONE);
            assertThat(context.getBean(ClientKeys.class).publicJwks().getKeys()).hasSize(1);
        }
        assertThat(dataDir.resolve("smart-client-rs384.pem")).exists();
    }

    @Test
    void serverModeWithPrivateKeyJwtAndNoKeyStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> start("--chartscribe.mode=server", "--chartscribe.encryption-key=" + ENCRYPTION_KEY,
                "--chartscribe.smart.client-auth=private_key_jwt"))
                .rootCause().hasMessageContaining("CHARTSCRIBE_SMART_SIGNING_KEY");
        assertThat(dataDir.resolve("smart-client-rs384.pem")).doesNotExist();
    }

    @Test
    void serverModeWithoutSmartSettingsStarts() {
        try (ConfigurableApplicationContext context = start("--chartscribe.mode=server",
                "--chartscribe.encryption-key=" + ENCRYPTION_KEY)) {
            assertThat(context.getBean(ClientKeys.class).publicJwks().getKeys()).isEmpty();
        }
    }

    @Test
    void unknownSettingsStopTheStart() {
        assertThatThrownBy(() -> start("--chartscribe.smart.client-auth=client_secret_jwt"))
                .rootCause().hasMessageContaining("chartscribe.smart.client-auth");
        assertThatThrownBy(() -> start("--chartscribe.smart.signing-alg=RS256"))
                .rootCause().hasMessageContaining("RS384 or ES384");
        assertThatThrownBy(() -> start("--chartscribe.smart.client-auth=client_secret_basic"))
                .rootCause().hasMessageContaining("CHARTSCRIBE_SMART_CLIENT_SECRET");
    }

    private ConfigurableApplicationContext start(String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = "--chartscribe.data-dir=" + dataDir;
        args[1] = "--chartscribe.cli=true"; // no scheduled jobs, no start-up key printing
        System.arraycopy(extra, 0, args, 2, extra.length);
        return new SpringApplicationBuilder(ChartScribeApplication.class).web(WebApplicationType.NONE).run(args);
    }
}
