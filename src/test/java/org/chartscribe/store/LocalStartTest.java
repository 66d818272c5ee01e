package org.chartscribe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.chartscribe.ChartScribeApplication;
import org.chartscribe.config.ChartScribeProperties;
import org.chartscribe.store.crypto.KeyRingLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application's own configuration (application.yaml, properties, wiring) on a fresh data dir. */
@ExtendWith(OutputCaptureExtension.class)
class LocalStartTest {

    private static final String BANNER = "local development API key (shown once)";

    @TempDir
    Path dataDir;

    @Test
    void firstLocalStartCreatesDatabaseKeyFileAndPrintsOneKeyOnlyOnce(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start()) {
            ChartScribeProperties properties = context.getBean(ChartScribeProperties.class);
            assertThat(properties.dataDir()).isEqualTo(dataDir);
            assertThat(properties.retention()).hasDays(30);
            assertThat(properties.purgeInterval()).hasHours(1);
            assertThat(properties.maxRequestBytes().toMegabytes()).isEqualTo(2);
            assertThat(properties.mode()).isEqualTo(ChartScribeProperties.Mode.LOCAL);
            assertThat(context.getBean(ApiKeyStore.class).list()).hasSize(1);
        }
        assertThat(dataDir.resolve("chartscribe.mv.db")).exists();
        assertThat(dataDir.resolve(KeyRingLoader.KEY_FILE_NAME)).exists();
        assertThat(output.getOut()).containsOnlyOnce(BANNER);

        try (ConfigurableApplicationContext again = start()) {
            assertThat(again.getBean(ApiKeyStore.class).list()).hasSize(1);
        }
        assertThat(output.getOut()).containsOnlyOnce(BANNER);
        assertThat(output.getAll()).doesNotContain(KeyRingLoader.KEY_FILE_NAME + " content");
    }

    @Test
    void embeddedDatabaseWritesEveryCommitToTheFileBeforeItReturns() {
        try (ConfigurableApplicationContext context = start()) {
            // H2 lists the setting twice (database and session view); both must say 0 ms.
            List<String> writeDelay = context.getBean(JdbcClient.class)
                    .sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")
                    .query(String.class).list();
            assertThat(writeDelay).as("H2 write delay in ms (a crash loses what is younger)").isNotEmpty().containsOnly("0");
        }
    }

    @Test
    void invalidEncryptionKeyStopsStartWithoutPrintingIt() {
        String badKey = "c2hvcnQta2V5LW9ubHktMjQtYnl0ZXMhIQ==";

        assertThatThrownBy(() -> start("--chartscribe.encryption-key=" + badKey))
                .rootCause()
                .hasMessageContaining("CHARTSCRIBE_ENCRYPTION_KEY entry 1")
                .hasMessageContaining("must decode to 32 bytes")
                .hasMessageNotContaining(badKey);
    }

    private ConfigurableApplicationContext start(String... extra) {
        String[] args = new String[extra.length + 1];
        args[0] = "--chartscribe.data-dir=" + dataDir;
        System.arraycopy(extra, 0, args, 1, extra.length);
        return new SpringApplicationBuilder(ChartScribeApplication.class).web(WebApplicationType.NONE).run(args);
    }
}
