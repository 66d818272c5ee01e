package org.chartscribe.store;

import java.time.Instant;
import java.util.Optional;
import org.chartscribe.note.IdempotencyStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Idempotency keys per tenant. The client's key is stored as its SHA-256, so any length fits and
 * nothing the client typed is kept. The primary key (tenant, key) settles races between instances.
 * {@link #find} returns entries of any age; callers apply the 24 h window.
 */
public class JdbcIdempotencyStore implements IdempotencyStore {

    private final JdbcClient jdbc;

    public JdbcIdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Entry> find(String tenantId, String key) {
        return jdbc.sql("SELECT request_hash, note_id, created_at FROM idempotency_keys WHERE tenant_id = ? AND idem_key = ?")
                .params(tenantId, Sha256.hex(key))
                .query((rs, n) -> new Entry(rs.getString("request_hash"), rs.getString("note_id"),
                        DbTime.fromDb(rs, "created_at")))
                .optional();
    }

    @Override
    public boolean record(String tenantId, String key, Entry entry) {
        try {
            jdbc.sql("""
                    INSERT INTO idempotency_keys (tenant_id, idem_key, request_hash, note_id, created_at)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(tenantId, Sha256.hex(key), entry.requestHash(), entry.noteId(), DbTime.toDb(entry.createdAt()))
                    .update();
            return true;
        } catch (DuplicateKeyException concurrentDuplicate) {
            return false;
        }
    }

    @Override
    public void forgetIfOlderThan(String tenantId, String key, Instant cutoff) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE tenant_id = ? AND idem_key = ? AND created_at < ?")
                .params(tenantId, Sha256.hex(key), DbTime.toDb(cutoff)).update();
    }

    @Override
    public int purgeOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < ?").param(DbTime.toDb(cutoff)).update();
    }
}
