package org.chartscribe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.chartscribe.store.crypto.DataKey;
import org.chartscribe.store.crypto.KeyRing;
import org.chartscribe.store.crypto.KeyVault;
import org.chartscribe.store.crypto.Sealed;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * One behaviour, two databases: the subclasses run this body against H2 and a real PostgreSQL,
 * migrated by the production Flyway scripts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContractTest {

    static final String CANARY = "CANARY-metformin-500mg-Zebrafinch";
    static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123456Z");

    abstract DataSource dataSource();

    /** The data key vault under test, opened on {@code dir} (fresh per test) when it keeps a file. */
    abstract KeyVault openVault(ContentCipher master, Path dir, Clock clock);

    JdbcClient jdbc;
    KeyRing ring = KeyRing.of(Map.of("k1", key(1)));
    JdbcNoteStore notes;
    KeyVault vault;
    Path vaultDir;
    JdbcIdempotencyStore idempotency;
    JdbcApiKeyStore apiKeys;
    AuditLog audit;

    @BeforeAll
    void migrate() {
        Flyway.configure().dataSource(dataSource()).load().migrate();
        jdbc = JdbcClient.create(dataSource());
    }

    @BeforeEach
    void emptyTablesAndFreshStores() throws IOException {
        for (String table : List.of("notes", "note_keys", "api_keys", "idempotency_keys", "audit_events")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        closeVault();
        vaultDir = Files.createTempDirectory("vault");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        notes = noteStore(ring, clock);
        idempotency = new JdbcIdempotencyStore(jdbc);
        apiKeys = new JdbcApiKeyStore(jdbc, clock);
        audit = new AuditLog(jdbc, clock);
    }

    JdbcNoteStore noteStore(KeyRing keyRing, Clock clock) {
        closeVault();
        ContentCipher cipher = new ContentCipher(keyRing);
        vault = openVault(cipher, vaultDir, clock);
        return new JdbcNoteStore(jdbc, cipher, vault, StoreConfiguration.storageMapper(), clock);
    }

    @AfterEach
    void closeVault() {
        if (vault instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        vault = null;
    }

    // ---- notes

    @Test
    void aNoteAndItsAuditRowAreKeptTogetherOrNotAtAll() {
        TransactionalUnitOfWork together = new TransactionalUnitOfWork(new DataSourceTransactionManager(dataSource()));
        StoredNote kept = note("note_kept", "acme", NOW.plus(Duration.ofDays(30)));
        together.inOne(() -> {
            notes.save(kept);
            audit.record("acme", "note.created", kept.noteId(), "req-1");
        });

        StoredNote undone = note("note_undone", "acme", NOW.plus(Duration.ofDays(30)));
        assertThatThrownBy(() -> together.inOne(() -> {
            notes.save(undone);
            audit.record("acme", "", undone.noteId(), "req-2"); // refused: the audit row cannot be written
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(notes.find("acme", "note_kept", NOW)).isEqualTo(new NoteLookup.Found(kept));
        assertThat(notes.find("acme", "note_undone", NOW)).isInstanceOf(NoteLookup.Missing.class);
        assertThat(audit.recent("acme", 10)).extracting(AuditLog.Event::noteId).containsExactly("note_kept");
    }

    @Test
    void savedNoteReadsBackEqual() {
        StoredNote note = note("note_1", "acme", NOW.plus(Duration.ofDays(30)));
        notes.save(note);

        assertThat(notes.find("acme", "note_1", NOW)).isEqualTo(new NoteLookup.Found(note));
    }

    @Test
    void listShowsTheTenantsLiveNotesNewestFirstInPages() {
        for (String id : new String[] {"note_1", "note_2", "note_3"}) {
            notes.save(note(id, "acme", NOW.plus(Duration.ofDays(1))));
        }
        notes.save(note("note_4", "acme", NOW.plus(Duration.ofHours(1))));
        notes.save(note("note_5", "globex", NOW.plus(Duration.ofDays(1))));
        notes.delete("acme", "note_1");
        Instant later = NOW.plus(Duration.ofHours(2)); // note_4 has expired by then

        assertThat(notes.list("acme", later, null, 10)).extracting(org.chartscribe.note.NoteSummary::noteId)
                .containsExactly("note_3", "note_2");
        assertThat(notes.list("acme", later, null, 1)).extracting(org.chartscribe.note.NoteSummary::noteId)
                .containsExactly("note_3");
        assertThat(notes.list("acme", later, "note_3", 10)).extracting(org.chartscribe.note.NoteSummary::noteId)
                .containsExactly("note_2");
        assertThat(notes.list("acme", NOW, null, 10)).extracting(org.chartscribe.note.NoteSummary::noteId)
                .containsExactly("note_4", "note_3", "note_2");
        assertThat(notes.list("globex", later, null, 10)).singleElement()
                .isEqualTo(new org.chartscribe.note.NoteSummary("note_5", "physical_therapy",
                        NOW.minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MICROS), NOW.plus(Duration.ofDays(1))));
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
        // The new note's data key is wrapped by k2: it reads without k1, the old one does not.
        JdbcNoteStore k2Only = noteStore(KeyRing.of(Map.of("k2", key(2))), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(k2Only.find("acme", "new", NOW)).isInstanceOf(NoteLookup.Found.class);
        assertThatThrownBy(() -> k2Only.find("acme", "old", NOW)).isInstanceOf(ContentCipher.DecryptionException.class);
    }

    // ---- crypto-shredding

    @Test
    void eachNoteIsSealedWithItsOwnDataKeyNotTheMasterKey() {
        notes.save(note("a", "acme", NOW.plus(Duration.ofDays(1))));
        notes.save(note("b", "acme", NOW.plus(Duration.ofDays(1))));

        List<Long> slots = jdbc.sql("SELECT key_slot FROM notes ORDER BY note_id").query(Long.class).list();
        assertThat(slots).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT DISTINCT key_id FROM notes").query(String.class).list()).containsExactly("#data-key");
        Sealed stored = sealedRow("a");
        assertThatThrownBy(() -> new ContentCipher(ring).decrypt(new Sealed("k1", stored.iv(), stored.ciphertext()),
                "notes/a/acme")).isInstanceOf(ContentCipher.DecryptionException.class);
    }

    @Test
    void deletingDestroysTheDataKeySoOldCopiesOfTheCiphertextNoLongerDecrypt() {
        notes.save(note("a", "acme", NOW.plus(Duration.ofDays(1))));
        Sealed copy = sealedRow("a");
        long slot = slotOf("a");
        assertThat(vault.open(slot, "notes/a/acme")).isPresent();

        assertThat(notes.delete("acme", "a")).isTrue();

        assertThat(vault.open(slot, "notes/a/acme")).isEmpty();
        assertThat(vault.slotsCreatedBefore(NOW.plus(Duration.ofDays(365)))).doesNotContain(slot);
        // An attacker who recovers the old row (an old H2 page, a dead PostgreSQL tuple) puts it back:
        jdbc.sql("UPDATE notes SET key_id = ?, iv = ?, ciphertext = ?, key_slot = ?, deleted_at = NULL WHERE note_id = 'a'")
                .params(copy.keyId(), copy.iv(), copy.ciphertext(), slot).update();
        assertThatThrownBy(() -> notes.find("acme", "a", NOW)).isInstanceOf(ContentCipher.DecryptionException.class);
        assertThatThrownBy(() -> new ContentCipher(ring).decrypt(new Sealed("k1", copy.iv(), copy.ciphertext()), "notes/a/acme"))
                .isInstanceOf(ContentCipher.DecryptionException.class);
    }

    @Test
    void purgeDestroysTheDataKeysOfExpiredNotesOnly() {
        notes.save(note("old", "acme", NOW.minusSeconds(1)));
        notes.save(note("live", "acme", NOW.plusSeconds(60)));
        long oldSlot = slotOf("old");
        long liveSlot = slotOf("live");

        assertThat(notes.purgeExpired(NOW)).isEqualTo(1);

        assertThat(vault.open(oldSlot, "notes/old/acme")).isEmpty();
        assertThat(vault.open(liveSlot, "notes/live/acme")).isPresent();
        assertThat(notes.find("acme", "live", NOW)).isInstanceOf(NoteLookup.Found.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notes WHERE key_slot IS NOT NULL").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFreedSlotReusedByAnotherNoteDoesNotOpenForTheDeletedOne() {
        notes.save(note("a", "acme", NOW.plus(Duration.ofDays(1))));
        long slot = slotOf("a");
        notes.delete("acme", "a");
        notes.save(note("b", "acme", NOW.plus(Duration.ofDays(1))));

        assertThat(vault.open(slot, "notes/a/acme")).isEmpty();
        assertThat(notes.find("acme", "b", NOW)).isInstanceOf(NoteLookup.Found.class);
    }

    @Test
    void aFailedInsertLeavesNoKeyBehind() {
        notes.save(note("a", "acme", NOW.plus(Duration.ofDays(1))));
        Set<Long> before = vault.slotsCreatedBefore(NOW.plus(Duration.ofDays(1)));

        assertThatThrownBy(() -> notes.save(note("a", "acme", NOW.plus(Duration.ofDays(1))))).isInstanceOf(RuntimeException.class);

        assertThat(vault.slotsCreatedBefore(NOW.plus(Duration.ofDays(1)))).isEqualTo(before);
        assertThat(notes.find("acme", "a", NOW)).isInstanceOf(NoteLookup.Found.class);
    }

    @Test
    void aKeyStoredBeforeACrashWithoutItsNoteIsDestroyedOnceOlderThanTheGrace() {
        notes.save(note("live", "acme", NOW.plus(Duration.ofDays(1))));
        // The process died after the vault write and before the row insert: nothing was acknowledged.
        long orphan = vault.create("notes/never-inserted/acme").slot();

        assertThat(notes.destroyOrphanKeys(NOW.minusSeconds(60))).as("younger than the cutoff: maybe in flight").isZero();
        assertThat(notes.destroyOrphanKeys(NOW.plusSeconds(1))).isEqualTo(1);

        assertThat(vault.open(orphan, "notes/never-inserted/acme")).isEmpty();
        assertThat(notes.find("acme", "live", NOW)).isInstanceOf(NoteLookup.Found.class);
    }

    @Test
    void notesSealedWithTheMasterKeyBeforeDataKeysStillReadAndAreResealed() {
        StoredNote legacy = note("legacy", "acme", NOW.plus(Duration.ofDays(1)));
        Sealed sealed = new ContentCipher(ring).encrypt(legacyJson(legacy), "notes/legacy/acme");
        jdbc.sql("""
                INSERT INTO notes (note_id, tenant_id, specialty, template, key_id, iv, ciphertext, created_at, expires_at)
                VALUES ('legacy', 'acme', ?, ?, ?, ?, ?, ?, ?)""")
                .params(legacy.specialty(), legacy.template(), sealed.keyId(), sealed.iv(), sealed.ciphertext(),
                        DbTime.toDb(legacy.createdAt()), DbTime.toDb(legacy.expiresAt()))
                .update();
        assertThat(notes.find("acme", "legacy", NOW)).isEqualTo(new NoteLookup.Found(legacy));

        assertThat(notes.resealLegacyNotes()).isEqualTo(1);
        assertThat(notes.resealLegacyNotes()).isZero();

        assertThat(sealedRow("legacy").keyId()).isEqualTo(ContentCipher.DATA_KEY_ID);
        assertThat(notes.find("acme", "legacy", NOW)).isEqualTo(new NoteLookup.Found(legacy));
        long slot = slotOf("legacy");
        notes.delete("acme", "legacy");
        assertThat(vault.open(slot, "notes/legacy/acme")).isEmpty();
    }

    @Test
    void aNoteIsNotSavedWhenItsKeyCannotBeStored() {
        KeyVault full = new FailingVault(vault, true, false);
        JdbcNoteStore store = new JdbcNoteStore(jdbc, new ContentCipher(ring), full, StoreConfiguration.storageMapper(),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> store.save(note("a", "acme", NOW.plus(Duration.ofDays(1))))).isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM notes").query(Long.class).single()).as("nothing to acknowledge").isZero();
    }

    @Test
    void aKeyThatCannotBeDestroyedAtDeleteIsDestroyedByTheNextOrphanCleanUp() {
        notes.save(note("a", "acme", NOW.plus(Duration.ofDays(1))));
        long slot = slotOf("a");
        JdbcNoteStore store = new JdbcNoteStore(jdbc, new ContentCipher(ring), new FailingVault(vault, false, true),
                StoreConfiguration.storageMapper(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(store.delete("acme", "a")).isTrue();

        assertThat(notes.find("acme", "a", NOW)).isInstanceOf(NoteLookup.Gone.class);
        assertThat(vault.open(slot, "notes/a/acme")).as("left behind").isPresent();
        assertThat(notes.destroyOrphanKeys(NOW.plusSeconds(1))).isEqualTo(1);
        assertThat(vault.open(slot, "notes/a/acme")).isEmpty();
    }

    /** A vault whose device fails: on create, or on destroy. */
    private record FailingVault(KeyVault real, boolean failCreate, boolean failDestroy) implements KeyVault {
        @Override
        public DataKey create(String owner) {
            if (failCreate) {
                throw new IllegalStateException("cannot write data key vault: IOException");
            }
            return real.create(owner);
        }

        @Override
        public Optional<DataKey> open(long slot, String owner) {
            return real.open(slot, owner);
        }

        @Override
        public void destroy(long slot) {
            if (failDestroy) {
                throw new IllegalStateException("cannot write data key vault: IOException");
            }
            real.destroy(slot);
        }

        @Override
        public Set<Long> slotsCreatedBefore(Instant cutoff) {
            return real.slotsCreatedBefore(cutoff);
        }
    }

    private byte[] legacyJson(StoredNote note) {
        try {
            return StoreConfiguration.storageMapper().writeValueAsBytes(note.draft());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Sealed sealedRow(String noteId) {
        return jdbc.sql("SELECT key_id, iv, ciphertext FROM notes WHERE note_id = ?").param(noteId)
                .query((rs, n) -> new Sealed(rs.getString("key_id"), rs.getBytes("iv"), rs.getBytes("ciphertext"))).single();
    }

    private long slotOf(String noteId) {
        return jdbc.sql("SELECT key_slot FROM notes WHERE note_id = ?").param(noteId).query(Long.class).single();
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
