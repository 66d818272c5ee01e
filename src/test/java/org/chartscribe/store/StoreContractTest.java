package org.chartscribe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.EngineInfo;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.IdempotencyStore;
import org.chartscribe.note.NoteLookup;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.NoteWarning;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.StoredNote;
import org.chartscribe.store.crypto.ContentCipher;
import org.chartscribe.store.crypto.KeyRing;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One behaviour, two databases: the subclasses run this body against H2 and a real PostgreSQL,
 * migrated by the production Flyway scripts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContractTest {

    static final String CANARY = "CANARY-metformin-500mg-Zebrafinch";
    static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123456Z");

    abstract DataSource dataSource();

    JdbcClient jdbc;
    KeyRing ring = KeyRing.of(Map.of("k1", key(1)));
    JdbcNoteStore notes;
    JdbcIdempotencyStore idempotency;
    JdbcApiKeyStore apiKeys;
    AuditLog audit;

    @BeforeAll
    void migrate() {
        Flyway.configure().dataSource(dataSource()).load().migrate();
        jdbc = JdbcClient.create(dataSource());
    }

    @BeforeEach
    void emptyTablesAndFreshStores() {
        for (String table : List.of("notes", "api_keys", "idempotency_keys", "audit_events")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        notes = noteStore(ring, clock);
        idempotency = new JdbcIdempotencyStore(jdbc);
        apiKeys = new JdbcApiKeyStore(jdbc, clock);
        audit = new AuditLog(jdbc, clock);
    }

    JdbcNoteStore noteStore(KeyRing keyRing, Clock clock) {
        return new JdbcNoteStore(jdbc, new ContentCipher(keyRing), StoreConfiguration.storageMapper(), clock);
    }

    // ---- notes

    @Test
    void savedNoteReadsBackEqual() {
        StoredNote note = note("note_1", "acme", NOW.plus(Duration.ofDays(30)));
        notes.save(note);

        assertThat(notes.find("acme", "note_1", NOW)).isEqualTo(new NoteLookup.Found(note));
    }

    @Test
    void otherTenantAndUnknownIdAreMissing() {
        notes.save(note("note_1", "acme", NOW.plus(Duration.ofDays(1))));

        assertThat(notes.find("globex", "note_1", NOW)).isInstanceOf(NoteLookup.Missing.class);
        assertThat(notes.find("acme", "note_404", NOW)).isInstanceOf(NoteLookup.Missing.class);
        assertThat(notes.delete("globex", "note_1")).isFalse();
        assertThat(notes.find("acme", "note_1", NOW)).isInstanceOf(NoteLookup.Found.class);
    }

    @Test
    void expiredNoteIsGoneBeforeAnyPurge() {
        Instant expiresAt = NOW.plus(Duration.ofHours(1));
        notes.save(note("note_1", "acme", expiresAt));

        assertThat(notes.find("acme", "note_1", expiresAt.minusMillis(1))).isInstanceOf(NoteLookup.Found.class);
        assertThat(notes.find("acme", "note_1", expiresAt)).isInstanceOf(NoteLookup.Gone.class);
        assertThat(notes.find("globex", "note_1", expiresAt)).isInstanceOf(NoteLookup.Missing.class);
    }

    @Test
    void deleteDestroysContentAndLeavesATombstone() {
        notes.save(note("note_1", "acme", NOW.plus(Duration.ofDays(1))));

        assertThat(notes.delete("acme", "note_1")).isTrue();

        assertThat(notes.find("acme", "note_1", NOW)).isInstanceOf(NoteLookup.Gone.class);
        assertThat(notes.delete("acme", "note_1")).isFalse();
        Map<String, Object> row = jdbc.sql("SELECT key_id, iv, ciphertext, deleted_at FROM notes WHERE note_id = 'note_1'")
                .query().singleRow();
        assertThat(row.get("key_id")).isNull();
        assertThat(row.get("iv")).isNull();
        assertThat(row.get("ciphertext")).isNull();
        assertThat(row.get("deleted_at")).isNotNull();
    }

    @Test
    void purgeDestroysOnlyExpiredContent() {
        notes.save(note("old", "acme", NOW.minusSeconds(1)));
        notes.save(note("edge", "acme", NOW));
        notes.save(note("live", "acme", NOW.plusSeconds(1)));

        assertThat(notes.purgeExpired(NOW)).isEqualTo(2);
        assertThat(notes.purgeExpired(NOW)).isZero();

        assertThat(jdbc.sql("SELECT note_id FROM notes WHERE ciphertext IS NULL ORDER BY note_id").query(String.class).list())
                .containsExactly("edge", "old");
        assertThat(notes.find("acme", "old", NOW.minusSeconds(5))).isInstanceOf(NoteLookup.Gone.class);
        assertThat(notes.find("acme", "live", NOW)).isInstanceOf(NoteLookup.Found.class);
    }

    @Test
    void deletingAnExpiredNoteReportsGoneButStillDestroysItsContent() {
        notes.save(note("old", "acme", NOW.minusSeconds(1)));

        assertThat(notes.delete("acme", "old")).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notes WHERE ciphertext IS NOT NULL").query(Long.class).single()).isZero();
    }

    @Test
    void noPlaintextReachesTheTable() {
        notes.save(note("note_1", "acme", NOW.plus(Duration.ofDays(1))));

        byte[] ciphertext = jdbc.sql("SELECT ciphertext FROM notes").query(byte[].class).single();
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(CANARY).doesNotContain("Subjective");
        assertThat(new String(ciphertext, StandardCharsets.UTF_8)).doesNotContain(CANARY);
        assertThat(jdbc.sql("SELECT * FROM notes").query().singleRow().values())
                .allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(CANARY));
    }

    @Test
    void ciphertextCopiedToAnotherRowDoesNotDecrypt() {
        notes.save(note("a", "acme", NOW.plus(Duration.ofDays(1))));
        notes.save(note("b", "acme", NOW.plus(Duration.ofDays(1))));
        jdbc.sql("UPDATE notes SET iv = (SELECT iv FROM notes WHERE note_id = 'a'), "
                + "ciphertext = (SELECT ciphertext FROM notes WHERE note_id = 'a') WHERE note_id = 'b'").update();

        assertThatThrownBy(() -> notes.find("acme", "b", NOW)).isInstanceOf(ContentCipher.DecryptionException.class);
    }

    @Test
    void notesWrittenBeforeAKeyRotationStillRead() {
        StoredNote old = note("old", "acme", NOW.plus(Duration.ofDays(1)));
        notes.save(old);
        Map<String, byte[]> rotated = new LinkedHashMap<>();
        rotated.put("k2", key(2));
        rotated.put("k1", key(1));
        JdbcNoteStore afterRotation = noteStore(KeyRing.of(rotated), Clock.fixed(NOW, ZoneOffset.UTC));

        afterRotation.save(note("new", "acme", NOW.plus(Duration.ofDays(1))));

        assertThat(afterRotation.find("acme", "old", NOW)).isEqualTo(new NoteLookup.Found(old));
        assertThat(jdbc.sql("SELECT key_id FROM notes WHERE note_id = 'new'").query(String.class).single()).isEqualTo("k2");
    }

    // ---- idempotency

    @Test
    void idempotencyKeyIsRecordedOncePerTenant() {
        IdempotencyStore.Entry entry = new IdempotencyStore.Entry("hash-1", "note_1", NOW);

        assertThat(idempotency.record("acme", "K", entry)).isTrue();
        assertThat(idempotency.record("acme", "K", new IdempotencyStore.Entry("hash-2", "note_2", NOW))).isFalse();
        assertThat(idempotency.record("globex", "K", entry)).isTrue();

        assertThat(idempotency.find("acme", "K")).contains(entry);
        assertThat(idempotency.find("acme", "other")).isEmpty();
        assertThat(jdbc.sql("SELECT idem_key FROM idempotency_keys").query(String.class).list())
                .allSatisfy(stored -> assertThat(stored).hasSize(64).isNotEqualTo("K"));
    }

    @Test
    void concurrentDuplicatesHaveExactlyOneWinner() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String noteId = "note_" + i;
                Callable<Boolean> attempt = () -> {
                    start.await();
                    return idempotency.record("acme", "race", new IdempotencyStore.Entry("h", noteId, NOW));
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oldIdempotencyKeysArePurged() {
        idempotency.record("acme", "old", new IdempotencyStore.Entry("h", "n1", NOW.minus(Duration.ofHours(25))));
        idempotency.record("acme", "new", new IdempotencyStore.Entry("h", "n2", NOW.minus(Duration.ofHours(23))));

        assertThat(idempotency.purgeOlderThan(NOW.minus(Duration.ofHours(24)))).isEqualTo(1);
        assertThat(idempotency.find("acme", "old")).isEmpty();
        assertThat(idempotency.find("acme", "new")).isPresent();
    }

    @Test
    void aStaleIdempotencyKeyIsForgottenOnlyForItsTenant() {
        idempotency.record("acme", "k", new IdempotencyStore.Entry("h", "n1", NOW.minus(Duration.ofHours(25))));
        idempotency.record("other", "k", new IdempotencyStore.Entry("h", "n2", NOW.minus(Duration.ofHours(25))));
        idempotency.record("acme", "fresh", new IdempotencyStore.Entry("h", "n3", NOW.minus(Duration.ofHours(1))));

        idempotency.forgetIfOlderThan("acme", "k", NOW.minus(Duration.ofHours(24)));
        idempotency.forgetIfOlderThan("acme", "fresh", NOW.minus(Duration.ofHours(24)));

        assertThat(idempotency.find("acme", "k")).isEmpty();
        assertThat(idempotency.find("other", "k")).isPresent();
        assertThat(idempotency.find("acme", "fresh")).isPresent();
        assertThat(idempotency.record("acme", "k", new IdempotencyStore.Entry("h2", "n4", NOW))).isTrue();
    }

    // ---- api keys

    @Test
    void createdKeyAuthenticatesItsTenantUntilRevoked() {
        assertThat(apiKeys.isEmpty()).isTrue();

        ApiKeyStore.Created created = apiKeys.create("acme");

        assertThat(created.plaintextKey()).matches("cs_[A-Za-z0-9_-]{43}");
        assertThat(created.info().prefix()).isEqualTo(created.plaintextKey().substring(0, 8));
        assertThat(created.info().keyId()).startsWith("key_");
        assertThat(apiKeys.isEmpty()).isFalse();
        assertThat(apiKeys.tenantOf(created.plaintextKey())).contains("acme");
        assertThat(apiKeys.tenantOf(created.plaintextKey() + "x")).isEmpty();
        assertThat(apiKeys.tenantOf("")).isEmpty();
        assertThat(apiKeys.tenantOf(null)).isEmpty();

        assertThat(apiKeys.revoke(created.info().keyId())).isTrue();
        assertThat(apiKeys.revoke(created.info().keyId())).isFalse();
        assertThat(apiKeys.tenantOf(created.plaintextKey())).isEmpty();
        assertThat(apiKeys.isEmpty()).isTrue();
        assertThat(apiKeys.list()).singleElement().satisfies(info -> {
            assertThat(info.tenantId()).isEqualTo("acme");
            assertThat(info.revokedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void registerIsIdempotentAndKeepsRevocation() {
        String key = "bootstrap-key-for-acme-0123456789";

        ApiKeyStore.KeyInfo first = apiKeys.register("acme", key);
        ApiKeyStore.KeyInfo again = apiKeys.register("acme", key);

        assertThat(again).isEqualTo(first);
        assertThat(apiKeys.list()).hasSize(1);
        assertThat(apiKeys.tenantOf(key)).contains("acme");
        assertThatThrownBy(() -> apiKeys.register("globex", key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(key);

        apiKeys.revoke(first.keyId());
        assertThat(apiKeys.register("acme", key).revokedAt()).isNotNull();
        assertThat(apiKeys.tenantOf(key)).isEmpty();
    }

    @Test
    void shortOrPaddedRegisteredKeysAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> apiKeys.register("acme", "short-key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("short-key");
        assertThatThrownBy(() -> apiKeys.register("acme", " padded-key-0123456789 "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> apiKeys.create("bad tenant!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAreStoredOnlyAsSha256() {
        ApiKeyStore.Created created = apiKeys.create("acme");
        String registered = "registered-key-0123456789abcdef0";
        apiKeys.register("globex", registered);

        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM api_keys").query().listOfRows();
        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row.values()).allSatisfy(value -> {
            assertThat(String.valueOf(value)).doesNotContain(created.plaintextKey()).doesNotContain(registered);
        }));
        assertThat(jdbc.sql("SELECT key_hash FROM api_keys WHERE tenant_id = 'acme'").query(String.class).single())
                .isEqualTo(Sha256.hex(created.plaintextKey()));
        assertThat(jdbc.sql("SELECT prefix FROM api_keys WHERE tenant_id = 'globex'").query(String.class).single())
                .isEqualTo("register").hasSizeLessThanOrEqualTo(registered.length() / 4);
    }

    // ---- audit

    @Test
    void auditRecordsWhoDidWhatWithoutContent() {
        audit.record("acme", "note.created", "note_1", "req-1");
        audit.record("acme", "note.deleted", "note_1", "r".repeat(500));
        audit.record("globex", "api_key.created", null, null);

        assertThat(audit.recent("acme", 10)).extracting(AuditLog.Event::action)
                .containsExactly("note.deleted", "note.created");
        assertThat(audit.recent("acme", 1)).singleElement()
                .satisfies(e -> assertThat(e.requestId()).hasSize(128));
        assertThat(audit.recent("globex", 10)).singleElement()
                .isEqualTo(new AuditLog.Event(NOW, "globex", "api_key.created", null, null));
    }

    // ---- fixtures

    static StoredNote note(String noteId, String tenantId, Instant expiresAt) {
        Map<SoapPart, List<NoteSection>> sections = Map.of(
                SoapPart.SUBJECTIVE, List.of(
                        new NoteSection("Chief Complaint", "Knee pain — 7/10, worse on stairs " + CANARY,
                                List.of(new Evidence(12, 40))),
                        new NoteSection("Medications", "Ibuprofen 400 mg", List.of())),
                SoapPart.PLAN, List.of(new NoteSection("Plan", "Home exercise program 3x/week", List.of(new Evidence(0, 5)))));
        DraftNote draft = new DraftNote(sections,
                List.of(new NoteWarning("UNSUPPORTED_FACT", "plan", "removed dose"), new NoteWarning("ENGINE_FALLBACK", null, "x")),
                new EngineInfo("embedded", "0.3.0"));
        return new StoredNote(noteId, tenantId, "physical_therapy", "standard", draft,
                NOW.minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MICROS), expiresAt);
    }

    static byte[] key(int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return key;
    }
}
