package org.chartscribe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.chartscribe.config.ChartScribeProperties;
import org.chartscribe.config.ChartScribeProperties.Mode;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

class ApiKeyBootstrapTest {

    private static final String KEY_A = "acme-bootstrap-key-0123456789";
    private static final String KEY_B = "globex-bootstrap-key-0123456789";

    private final JdbcClient jdbc = JdbcClient.create(TestDatabases.migratedH2());
    private final JdbcApiKeyStore keys = new JdbcApiKeyStore(jdbc, Clock.systemUTC());
    private final AuditLog audit = new AuditLog(jdbc, Clock.systemUTC());
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void registersBootstrapKeysIdempotentlyAndCreatesNoLocalKey() {
        bootstrap(Mode.LOCAL, " acme:" + KEY_A + " , globex:" + KEY_B);
        bootstrap(Mode.LOCAL, "acme:" + KEY_A + ",globex:" + KEY_B);

        assertThat(keys.list()).hasSize(2);
        assertThat(keys.tenantOf(KEY_A)).contains("acme");
        assertThat(keys.tenantOf(KEY_B)).contains("globex");
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void localModePrintsAFreshKeyOnceWhenThereIsNone() {
        bootstrap(Mode.LOCAL, null);
        String printed = console.toString(StandardCharsets.UTF_8);
        bootstrap(Mode.LOCAL, "");

        assertThat(keys.list()).singleElement().satisfies(k -> assertThat(k.tenantId()).isEqualTo("local"));
        String key = printed.lines().filter(l -> l.contains("key    :")).findFirst().orElseThrow()
                .replaceFirst(".*key    : ", "").strip();
        assertThat(keys.tenantOf(key)).contains("local");
        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo(printed);
        assertThat(audit.recent("local", 5)).extracting(AuditLog.Event::action).containsExactly("api_key.created");
    }

    @Test
    void serverModeNeverCreatesAKey() {
        bootstrap(Mode.SERVER, null);

        assertThat(keys.isEmpty()).isTrue();
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void badEntriesFailByPositionWithoutEchoingTheKey() {
        assertThatThrownBy(() -> bootstrap(Mode.SERVER, "acme:" + KEY_A + ",no-colon-" + KEY_B))
                .hasMessage("CHARTSCRIBE_BOOTSTRAP_API_KEYS entry 2 is malformed: expected tenant:key");
        assertThatThrownBy(() -> bootstrap(Mode.SERVER, "acme:" + KEY_A + ",,"))
                .hasMessageContaining("entry 2 is malformed");
        assertThatThrownBy(() -> bootstrap(Mode.SERVER, "acme:tooshort"))
                .hasMessageStartingWith("CHARTSCRIBE_BOOTSTRAP_API_KEYS entry 1: API key must be at least 16")
                .hasMessageNotContaining("tooshort");
        assertThatThrownBy(() -> bootstrap(Mode.SERVER, "acme:" + KEY_A + ",globex:" + KEY_A))
                .hasMessageContaining("entry 2: API key is already registered to another tenant")
                .hasMessageNotContaining(KEY_A);
        assertThatThrownBy(() -> bootstrap(Mode.SERVER, "bad tenant:" + KEY_A))
                .hasMessageContaining("entry 1 has an invalid tenant id");
    }

    private void bootstrap(Mode mode, String bootstrapKeys) {
        ChartScribeProperties properties = new ChartScribeProperties(Path.of("unused"), null, Duration.ofDays(30),
                Duration.ofHours(1), bootstrapKeys, mode, DataSize.ofMegabytes(2), false);
        new ApiKeyBootstrap(keys, audit, properties, new PrintStream(console, true, StandardCharsets.UTF_8))
                .afterSingletonsInstantiated();
    }
}
