package org.chartscribe.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteLookup;
import org.chartscribe.note.NoteStore;
import org.chartscribe.note.StoredNote;
import org.chartscribe.store.crypto.ContentCipher;
import org.chartscribe.store.crypto.Sealed;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notes in the {@code notes} table: metadata in clear, the {@link DraftNote} as JSON sealed with
 * AES-256-GCM. Deleting or purging nulls the content columns, so the note is destroyed and only a
 * content-free tombstone remains to answer "gone".
 */
public class JdbcNoteStore implements NoteStore {

    private final JdbcClient jdbc;
    private final ContentCipher cipher;
    private final ObjectMapper json;
    private final Clock clock;

    /**
     * @param json a mapper dedicated to the stored format; the web API's mapper may change its naming
     *             rules, and stored notes must still read back
     */
    public JdbcNoteStore(JdbcClient jdbc, ContentCipher cipher, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void save(StoredNote note) {
        Sealed sealed = cipher.encrypt(toJson(note.draft()), associatedData(note.noteId(), note.tenantId()));
        jdbc.sql("""
                INSERT INTO notes (note_id, tenant_id, specialty, template, key_id, iv, ciphertext, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(note.noteId(), note.tenantId(), note.specialty(), note.template(),
                        sealed.keyId(), sealed.iv(), sealed.ciphertext(),
                        DbTime.toDb(note.createdAt()), DbTime.toDb(note.expiresAt()))
                .update();
    }

    @Override
    public NoteLookup find(String tenantId, String noteId, Instant now) {
        Optional<Row> row = jdbc.sql("""
                SELECT tenant_id, specialty, template, key_id, iv, ciphertext, created_at, expires_at, deleted_at
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
        byte[] plaintext = cipher.decrypt(r.sealed(), associatedData(noteId, tenantId));
        return new NoteLookup.Found(new StoredNote(noteId, tenantId, r.specialty(), r.template(),
                fromJson(plaintext), r.createdAt(), r.expiresAt()));
    }

    @Override
    public boolean delete(String tenantId, String noteId) {
        Instant now = clock.instant();
        int live = jdbc.sql("""
                UPDATE notes SET key_id = NULL, iv = NULL, ciphertext = NULL, deleted_at = ?
                WHERE note_id = ? AND tenant_id = ? AND deleted_at IS NULL AND ciphertext IS NOT NULL AND expires_at > ?""")
                .params(DbTime.toDb(now), noteId, tenantId, DbTime.toDb(now))
                .update();
        if (live == 0) {
            // Already gone to the caller; still destroy expired content now rather than at the next purge.
            jdbc.sql("""
                    UPDATE notes SET key_id = NULL, iv = NULL, ciphertext = NULL
                    WHERE note_id = ? AND tenant_id = ? AND ciphertext IS NOT NULL AND expires_at <= ?""")
                    .params(noteId, tenantId, DbTime.toDb(now))
                    .update();
        }
        return live == 1;
    }

    @Override
    public int purgeExpired(Instant now) {
        return jdbc.sql("""
                UPDATE notes SET key_id = NULL, iv = NULL, ciphertext = NULL
                WHERE ciphertext IS NOT NULL AND expires_at <= ?""")
                .param(DbTime.toDb(now))
                .update();
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

    private record Row(String tenantId, String specialty, String template, Sealed sealed,
                       Instant createdAt, Instant expiresAt, Instant deletedAt) {}

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        String keyId = rs.getString("key_id");
        Sealed sealed = keyId == null ? null : new Sealed(keyId, rs.getBytes("iv"), rs.getBytes("ciphertext"));
        return new Row(rs.getString("tenant_id"), rs.getString("specialty"), rs.getString("template"), sealed,
                DbTime.fromDb(rs, "created_at"), DbTime.fromDb(rs, "expires_at"), DbTime.fromDb(rs, "deleted_at"));
    }
}
