package org.chartscribe.smart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.chartscribe.fhir.FhirDialect;
import org.chartscribe.store.crypto.ContentCipher;
import org.chartscribe.store.crypto.KeyRing;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SMART store on H2 and on a real PostgreSQL, migrated by the production scripts (V2__smart.sql). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SmartStoreContractTest {
    static final Instant NOW = Instant.parse("2026-12-04T06:00:00.123456Z");
    static final String PATIENT = "CANARY-PATIENT-Yt62Lm";
    static final String TOKEN = "CANARY-ACCESS-TOKEN-Pq93";

    abstract DataSource dataSource();

    JdbcClient jdbc;
    JdbcSmartStore store;

    @BeforeAll
    void migrate() {
        Flyway.configure().dataSource(dataSource()).load().migrate();
        jdbc = JdbcClient.create(dataSource());
    }

    @BeforeEach
    void fresh() {
        jdbc.sql("DELETE FROM smart_launches").update();
        jdbc.sql("DELETE FROM smart_sessions").update();
        byte[] key = new byte[32];
        key[0] = 7;
        store = new JdbcSmartStore(jdbc, new ContentCipher(KeyRing.of(Map.of("k1", key))));
    }

    private static PendingLaunch launch(Instant expiresAt) {
        SmartEndpoints endpoints = new SmartEndpoints(URI.create("https://ehr.example/authorize"),
                URI.create("https://ehr.example/token"), Optional.of(URI.create("https://ehr.example/jwks")),
                Optional.of("https://ehr.example"), List.of());
        return new PendingLaunch("https://ehr.example/fhir", endpoints, URI.create("https://cs.example/smart/callback"),
                "launch openid", "verifier-" + "v".repeat(40), "nonce-1", expiresAt);
    }

    @Test
    void aLaunchIsConsumedOnceByItsOwnBrowserOnly() {
        store.saveLaunch("state", "binding", launch(NOW.plus(Duration.ofMinutes(10))), NOW);
        assertThat(store.consumeLaunch("state", "other-binding", NOW)).isEmpty();
        PendingLaunch consumed = store.consumeLaunch("state", "binding", NOW).orElseThrow();
        assertThat(consumed.verifier()).isEqualTo("verifier-" + "v".repeat(40));
        assertThat(consumed.nonce()).isEqualTo("nonce-1");
        assertThat(consumed.endpoints().tokenEndpoint()).hasToString("https://ehr.example/token");
        assertThat(consumed.endpoints().issuer()).contains("https://ehr.example");
        assertThat(store.consumeLaunch("state", "binding", NOW)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM smart_launches WHERE ciphertext IS NOT NULL").query(Integer.class)
                .single()).as("a used launch keeps no verifier").isZero();
    }

    @Test
    void anExpiredLaunchIsRefused() {
        store.saveLaunch("state", "binding", launch(NOW.plus(Duration.ofMinutes(10))), NOW);
        assertThat(store.consumeLaunch("state", "binding", NOW.plus(Duration.ofMinutes(10)))).isEmpty();
    }

    @Test
    void racingCallbacksWithOneStateHaveOneWinner() throws Exception {
        store.saveLaunch("state", "binding", launch(NOW.plus(Duration.ofMinutes(10))), NOW);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<Boolean> attempt = () -> {
                go.await();
                return store.consumeLaunch("state", "binding", NOW).isPresent();
            };
            results.add(pool.submit(attempt));
        }
        go.countDown();
        int winners = 0;
        for (Future<Boolean> result : results) {
            winners += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
    }

    @Test
    void aSessionKeepsPhiAndTokensSealed() {
        saveSession("hash-1", NOW.plus(Duration.ofHours(8)));
        JdbcSmartStore.SessionRow row = store.findSession("hash-1", NOW).orElseThrow();
        assertThat(row.context().patient()).isEqualTo(PATIENT);
        assertThat(row.context().encounter()).isEqualTo("enc-1");
        assertThat(row.tokens().accessToken()).isEqualTo(TOKEN);
        assertThat(row.dialect()).isEqualTo(FhirDialect.ORACLE);

        byte[] context = jdbc.sql("SELECT context_cipher FROM smart_sessions").query(byte[].class).single();
        byte[] tokens = jdbc.sql("SELECT tokens_cipher FROM smart_sessions").query(byte[].class).single();
        assertThat(new String(context, StandardCharsets.ISO_8859_1)).doesNotContain(PATIENT);
        assertThat(new String(tokens, StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);

        store.updateTokens("hash-1", new JdbcSmartStore.SessionTokens("new-token", "new-refresh"), NOW.plusSeconds(300));
        assertThat(store.findSession("hash-1", NOW).orElseThrow().tokens().accessToken()).isEqualTo("new-token");
    }

    @Test
    void sealedValuesMovedToAnotherRowDoNotOpen() {
        saveSession("hash-1", NOW.plus(Duration.ofHours(8)));
        saveSession("hash-2", NOW.plus(Duration.ofHours(8)));
        jdbc.sql("""
                UPDATE smart_sessions SET tokens_iv = (SELECT tokens_iv FROM smart_sessions WHERE session_hash = 'hash-1'),
                    tokens_cipher = (SELECT tokens_cipher FROM smart_sessions WHERE session_hash = 'hash-1')
                WHERE session_hash = 'hash-2'""").update();
        assertThatThrownBy(() -> store.findSession("hash-2", NOW)).isInstanceOf(ContentCipher.DecryptionException.class);
    }

    @Test
    void purgeDeletesEndedSessionsAndOldLaunches() {
        saveSession("live", NOW.plus(Duration.ofHours(8)));
        saveSession("ended", NOW.minusSeconds(1));
        store.saveLaunch("old", "b", launch(NOW.minusSeconds(1)), NOW.minus(Duration.ofMinutes(11)));
        store.saveLaunch("new", "b", launch(NOW.plus(Duration.ofMinutes(5))), NOW);
        jdbc.sql("INSERT INTO smart_session_notes (note_id, session_hash, created_at) VALUES ('note_live', 'live', ?)")
                .param(JdbcSmartStore.toDb(NOW)).update();
        jdbc.sql("INSERT INTO smart_session_notes (note_id, session_hash, created_at) VALUES ('note_ended', 'ended', ?)")
                .param(JdbcSmartStore.toDb(NOW)).update();
        assertThat(store.findSession("ended", NOW)).isEmpty();
        assertThat(store.purgeExpired(NOW)).isEqualTo(2);
        assertThat(store.findSession("live", NOW)).isPresent();
        assertThat(store.consumeLaunch("new", "b", NOW)).isPresent();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM smart_sessions").query(Integer.class).single()).isEqualTo(1);
        // An ended session's notes can no longer be approved through it.
        assertThat(jdbc.sql("SELECT note_id FROM smart_session_notes").query(String.class).list()).containsExactly("note_live");
    }

    private void saveSession(String hash, Instant expiresAt) {
        store.saveSession(hash, "tenant-a", "https://ehr.example/fhir", FhirDialect.ORACLE,
                URI.create("https://ehr.example/token"), "openid launch",
                new JdbcSmartStore.SessionContext(PATIENT, "enc-1", "Practitioner/1", "csrf"),
                new JdbcSmartStore.SessionTokens(TOKEN, "refresh"), NOW.plusSeconds(300), expiresAt, NOW);
    }
}
