package org.chartscribe.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteLookup;
import org.chartscribe.note.NoteStore;
import org.chartscribe.note.NoteSummary;
import org.chartscribe.note.StoredNote;
import org.chartscribe.store.crypto.ContentCipher;
import org.chartscribe.store.crypto.DataKey;
import org.chartscribe.store.crypto.KeyVault;
import org.chartscribe.store.crypto.Sealed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notes in the {@code notes} table: metadata in clear, the {@link DraftNote} as JSON sealed with
 * AES-256-GCM under the note's own data key, kept in a {@link KeyVault}. Deleting or purging nulls
 * the content columns and then destroys the data key: the database may keep old copies of the
 * ciphertext (H2 pages are copy-on-write, PostgreSQL keeps dead tuples), but without the key they
 * no longer decrypt, not even with the master key (crypto-shredding). Only a content-free tombstone
 * remains to answer "gone".
 *
 * <p>Order matters for crashes. Saving stores the key durably before the row is inserted, so an
 * acknowledged note always has its key; a crash in between leaves an orphan key, which
 * {@link #destroyOrphanKeys} removes later. Deleting nulls the row before destroying the key, so a
 * crash in between leaves an orphan key for the same clean-up, never a live note without its key.
 *
 * <p>Notes written before data keys (V4) have {@code key_slot} NULL and are sealed with the master
 * key; they still read, and {@link #resealLegacyNotes} moves them to data keys.
 */
public class JdbcNoteStore implements NoteStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcNoteStore.class);

    private final JdbcClient jdbc;
    private final ContentCipher cipher;
    private final KeyVault vault;
    private final ObjectMapper json;
    private final Clock clock;

    /**
     * @param cipher the master-key cipher, for notes written before data keys
     * @param json   a mapper dedicated to the stored format; the web API's mapper may change its naming
     *               rules, and stored notes must still read back
     */
    public JdbcNoteStore(JdbcClient jdbc, ContentCipher cipher, KeyVault vault, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.vault = vault;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void save(StoredNote note) {
        String associatedData = associatedData(note.noteId(), note.tenantId());
        DataKey key = vault.create(associatedData);
        try {
            Sealed sealed = ContentCipher.encrypt(key, toJson(note.draft()), associatedData);
            jdbc.sql("""
                    INSERT INTO notes (note_id, tenant_id, specialty, template, key_id, iv, ciphertext, key_slot,
                        created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(note.noteId(), note.tenantId(), note.specialty(), note.template(),
                            sealed.keyId(), sealed.iv(), sealed.ciphertext(), key.slot(),
                            DbTime.toDb(note.createdAt()), DbTime.toDb(note.expiresAt()))
                    .update();
        } catch (RuntimeException e) {
            // Not acknowledged: the key must not outlive the failed insert. Inside a transaction on
            // PostgreSQL the failed insert has aborted it and the destroy fails too; the rollback then
            // removes the key's row (JdbcKeyVault) and the insert's failure is still the one reported.
            try {
                vault.destroy(key.slot());
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    @Override
    public NoteLookup find(String tenantId, String noteId, Instant now) {
        Optional<Row> row = jdbc.sql("""
                SELECT tenant_id, specialty, template, key_id, iv, ciphertext, key_slot, created_at, expires_at, deleted_at
                FROM notes WHERE note_id = ?""")
                .param(noteId)
                .query(JdbcNoteStore::row)
                .optional();
        if (row.isEmpty() || !row.get().tenantId().equals(tenantId)) {
            return new NoteLookup.Missing();
        }
        Row r = row.get();
        if (r.deletedAt() != null || r.sealed() == null || !r.expiresAt().isAfter(now)) {
            return new NoteLookup.Gone();
        }
        byte[] plaintext = open(r.sealed(), r.keySlot(), associatedData(noteId, tenantId));
        return new NoteLookup.Found(new StoredNote(noteId, tenantId, r.specialty(), r.template(),
                fromJson(plaintext), r.createdAt(), r.expiresAt()));
    }

    @Override
    public List<NoteSummary> list(String tenantId, Instant now, String beforeNoteId, int limit) {
        // reads no content: a list never opens a note
        String before = beforeNoteId == null ? "" : beforeNoteId;
        return jdbc.sql("SELECT note_id, specialty, created_at, expires_at FROM notes"
                        + " WHERE tenant_id = ? AND ciphertext IS NOT NULL AND deleted_at IS NULL AND expires_at > ?"
                        + " AND (? = '' OR note_id < ?) ORDER BY note_id DESC LIMIT ?")
                .params(tenantId, DbTime.toDb(now), before, before, limit)
                .query((rs, i) -> new NoteSummary(rs.getString("note_id"), rs.getString("specialty"),
                        DbTime.fromDb(rs, "created_at"), DbTime.fromDb(rs, "expires_at")))
                .list();
    }

    @Override
    public boolean delete(String tenantId, String noteId) {
        Instant now = clock.instant();
        Optional<Long> slot = jdbc.sql("SELECT key_slot FROM notes WHERE note_id = ? AND tenant_id = ? AND key_slot IS NOT NULL")
                .params(noteId, tenantId).query(Long.class).optional();
        int live = jdbc.sql("""
                UPDATE notes SET key_id = NULL, iv = NULL, ciphertext = NULL, key_slot = NULL, deleted_at = ?
                WHERE note_id = ? AND tenant_id = ? AND deleted_at IS NULL AND ciphertext IS NOT NULL AND expires_at > ?""")
                .params(DbTime.toDb(now), noteId, tenantId, DbTime.toDb(now))
                .update();
        int expired = 0;
        if (live == 0) {
            // Already gone to the caller; still destroy expired content now rather than at the next purge.
            expired = jdbc.sql("""
                    UPDATE notes SET key_id = NULL, iv = NULL, ciphertext = NULL, key_slot = NULL
                    WHERE note_id = ? AND tenant_id = ? AND ciphertext IS NOT NULL AND expires_at <= ?""")
                    .params(noteId, tenantId, DbTime.toDb(now))
                    .update();
        }
        if (live + expired > 0) {
            slot.ifPresent(this::destroyOrLeaveForCleanUp);
        }
        return live == 1;
    }

    @Override
    public int purgeExpired(Instant now) {
        List<Long> slots = jdbc.sql("SELECT key_slot FROM notes WHERE ciphertext IS NOT NULL AND key_slot IS NOT NULL AND expires_at <= ?")
                .param(DbTime.toDb(now)).query(Long.class).list();
        int purged = jdbc.sql("""
                UPDATE notes SET key_id = NULL, iv = NULL, ciphertext = NULL, key_slot = NULL
                WHERE ciphertext IS NOT NULL AND expires_at <= ?""")
                .param(DbTime.toDb(now))
                .update();
        // Every selected row is expired and now nulled (by us or a concurrent delete): its key can go.
        slots.forEach(vault::destroy);
        if (!slots.isEmpty()) {
            vault.reclaim();
        }
        return purged;
    }

    /**
     * Destroys keys that no note refers to: left by a crash between storing a key and inserting its
     * note, or between nulling a note and destroying its key. Only keys created before
     * {@code cutoff}, so a save in flight on another instance (key stored, row not yet committed)
     * keeps its key. Returns how many were destroyed.
     */
    public int destroyOrphanKeys(Instant cutoff) {
        Set<Long> candidates = vault.slotsCreatedBefore(cutoff);
        if (candidates.isEmpty()) {
            return 0;
        }
        candidates.removeAll(jdbc.sql("SELECT key_slot FROM notes WHERE key_slot IS NOT NULL").query(Long.class).list());
        // queued audio jobs' recordings have keys of their own in the same vault (org.chartscribe.jobs)
        candidates.removeAll(jdbc.sql("SELECT key_slot FROM audio_jobs WHERE key_slot IS NOT NULL").query(Long.class).list());
        candidates.forEach(vault::destroy);
        if (!candidates.isEmpty()) {
            vault.reclaim();
        }
        return candidates.size();
    }

    /**
     * Re-seals live (unexpired) notes written before data keys (sealed with the master key) under keys of their
     * own, so deleting them later is a crypto-shred too. Safe on several instances at once: the
     * update is conditional, and the loser destroys its unused key. The old master-key ciphertext
     * may stay in old database pages until the database is compacted. Returns how many moved.
     */
    public int resealLegacyNotes() {
        int moved = 0;
        String after = "";
        while (true) {
            List<Legacy> batch = jdbc.sql("""
                    SELECT note_id, tenant_id, key_id, iv, ciphertext FROM notes
                    WHERE key_slot IS NULL AND ciphertext IS NOT NULL AND expires_at > ? AND note_id > ?
                    ORDER BY note_id LIMIT 200""")
                    .params(DbTime.toDb(clock.instant()), after)
                    .query((rs, n) -> new Legacy(rs.getString("note_id"), rs.getString("tenant_id"),
                            new Sealed(rs.getString("key_id"), rs.getBytes("iv"), rs.getBytes("ciphertext"))))
                    .list();
            for (Legacy note : batch) {
                moved += reseal(note) ? 1 : 0;
                after = note.noteId();
            }
            if (batch.size() < 200) {
                return moved;
            }
        }
    }

    private boolean reseal(Legacy note) {
        String associatedData = associatedData(note.noteId(), note.tenantId());
        byte[] plaintext;
        try {
            plaintext = cipher.decrypt(note.sealed(), associatedData);
        } catch (ContentCipher.DecryptionException e) {
            log.warn("A note written before data keys cannot be re-sealed ({}); left as it is", e.getMessage());
            return false;
        }
        DataKey key = vault.create(associatedData);
        Sealed sealed = ContentCipher.encrypt(key, plaintext, associatedData);
        int updated = 0;
        try {
            updated = jdbc.sql("""
                    UPDATE notes SET key_id = ?, iv = ?, ciphertext = ?, key_slot = ?
                    WHERE note_id = ? AND key_slot IS NULL AND ciphertext IS NOT NULL""")
                    .params(sealed.keyId(), sealed.iv(), sealed.ciphertext(), key.slot(), note.noteId())
                    .update();
        } finally {
            if (updated == 0) {
                vault.destroy(key.slot());
            }
        }
        return updated == 1;
    }

    /** The note is already gone for every reader; a key that cannot be destroyed now is an orphan for the next purge. */
    private void destroyOrLeaveForCleanUp(long slot) {
        try {
            vault.destroy(slot);
        } catch (RuntimeException e) {
            log.warn("Data key of a deleted note not destroyed yet ({}); the purge job will retry", e.getClass().getSimpleName());
        }
    }

    private byte[] open(Sealed sealed, Long keySlot, String associatedData) {
        if (keySlot == null) {
            return cipher.decrypt(sealed, associatedData);
        }
        DataKey key = vault.open(keySlot, associatedData).orElseThrow(() -> new ContentCipher.DecryptionException(
                "the data key of a live note is missing from the key vault (restored without its vault?)"));
        return ContentCipher.decrypt(key, sealed, associatedData);
    }

    /** Binds a ciphertext to its row: copied onto another note or tenant it no longer authenticates. */
    private static String associatedData(String noteId, String tenantId) {
        return "notes/" + noteId + "/" + tenantId;
    }

    private byte[] toJson(DraftNote draft) {
        try {
            return json.writeValueAsBytes(draft);
        } catch (JsonProcessingException e) {
            // Jackson's message can quote content: keep only the type.
            throw new IllegalStateException("cannot serialise note: " + e.getClass().getSimpleName());
        }
    }

    private DraftNote fromJson(byte[] plaintext) {
        try {
            return json.readValue(plaintext, DraftNote.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored note cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private record Row(String tenantId, String specialty, String template, Sealed sealed, Long keySlot,
                       Instant createdAt, Instant expiresAt, Instant deletedAt) {}

    private record Legacy(String noteId, String tenantId, Sealed sealed) {}

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        String keyId = rs.getString("key_id");
        Sealed sealed = keyId == null ? null : new Sealed(keyId, rs.getBytes("iv"), rs.getBytes("ciphertext"));
        long slot = rs.getLong("key_slot");
        Long keySlot = rs.wasNull() ? null : slot;
        return new Row(rs.getString("tenant_id"), rs.getString("specialty"), rs.getString("template"), sealed, keySlot,
                DbTime.fromDb(rs, "created_at"), DbTime.fromDb(rs, "expires_at"), DbTime.fromDb(rs, "deleted_at"));
    }
}
