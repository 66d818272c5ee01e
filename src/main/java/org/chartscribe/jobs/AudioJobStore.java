package org.chartscribe.jobs;


import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chartscribe.store.DbTime;
import org.chartscribe.store.Sha256;
import org.chartscribe.store.crypto.ContentCipher;
import org.chartscribe.store.crypto.Sealed;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code audio_jobs} and {@code webhook_deliveries} tables. State changes are conditional
 * updates, so two instances that both believe they own a job cannot move it backwards. The webhook
 * URL is sealed with the master key, bound to the job and tenant.
 */
public class AudioJobStore {
    private final JdbcClient jdbc;
    private final ContentCipher master;
    private final Clock clock;

    public AudioJobStore(JdbcClient jdbc, ContentCipher master, Clock clock) {
        this.jdbc = jdbc;
        this.master = master;
        this.clock = clock;
    }

    void insert(String jobId, String tenantId, String options, long keySlot, long audioBytes, Optional<URI> webhook,
                Instant expiresAt) {
        Sealed url = webhook.map(u -> master.encrypt(u.toString().getBytes(StandardCharsets.UTF_8),
                webhookAssociatedData(jobId, tenantId))).orElse(null);
        jdbc.sql("""
                INSERT INTO audio_jobs (job_id, tenant_id, status, progress, options, key_slot, audio_bytes, attempts,
                    webhook_key_id, webhook_iv, webhook_url, created_at, expires_at)
                VALUES (?, ?, ?, 0, ?, ?, ?, 0, ?, ?, ?, ?, ?)""")
                .params(jobId, tenantId, JobStatus.QUEUED.wire(), options, keySlot, audioBytes,
                        url == null ? null : url.keyId(), url == null ? null : url.iv(),
                        url == null ? null : url.ciphertext(), DbTime.toDb(clock.instant()), DbTime.toDb(expiresAt))
                .update();
    }

    /** A job submitted under an idempotency key: its id, the digest of that request, and when. */
    record KeyedJob(String jobId, String requestHash, Instant createdAt) {}

    /** Remembers the key (as its SHA-256) on a job inserted in the same transaction. */
    void bindKey(String jobId, String idempotencyKey, String requestHash) {
        jdbc.sql("UPDATE audio_jobs SET idem_key = ?, request_hash = ? WHERE job_id = ?")
                .params(Sha256.hex(idempotencyKey), requestHash, jobId).update();
    }

    Optional<KeyedJob> findByKey(String tenantId, String idempotencyKey) {
        return jdbc.sql("SELECT job_id, request_hash, created_at FROM audio_jobs WHERE tenant_id = ? AND idem_key = ?")
                .params(tenantId, Sha256.hex(idempotencyKey))
                .query((rs, n) -> new KeyedJob(rs.getString(1), rs.getString(2), DbTime.fromDb(rs, "created_at")))
                .optional();
    }

    /** Frees the tenant's key from a job older than {@code cutoff}: the key may be used again. */
    void releaseKeyIfOlderThan(String tenantId, String idempotencyKey, Instant cutoff) {
        jdbc.sql("UPDATE audio_jobs SET idem_key = NULL WHERE tenant_id = ? AND idem_key = ? AND created_at < ?")
                .params(tenantId, Sha256.hex(idempotencyKey), DbTime.toDb(cutoff)).update();
    }

    /** The tenant's job; another tenant's job is as absent as an unknown one. */
    public Optional<AudioJob> find(String tenantId, String jobId) {
        return findAny(jobId).filter(job -> job.tenantId().equals(tenantId));
    }

    Optional<AudioJob> findAny(String jobId) {
        return jdbc.sql("""
                SELECT job_id, tenant_id, status, progress, options, note_id, error_code, error_message, key_slot,
                    audio_bytes, attempts, created_at, finished_at FROM audio_jobs WHERE job_id = ?""")
                .param(jobId).query(AudioJobStore::job).optional();
    }

    /** Marks the job running and counts the attempt; returns the attempt number, or 0 when it had already ended. */
    int start(String jobId) {
        int updated = jdbc.sql("UPDATE audio_jobs SET status = ?, attempts = attempts + 1, started_at = ? "
                        + "WHERE job_id = ? AND status IN (?, ?)")
                .params(JobStatus.RUNNING.wire(), DbTime.toDb(clock.instant()), jobId, JobStatus.QUEUED.wire(),
                        JobStatus.RUNNING.wire())
                .update();
        if (updated == 0) {
            return 0;
        }
        return jdbc.sql("SELECT attempts FROM audio_jobs WHERE job_id = ?").param(jobId).query(Integer.class).single();
    }

    /** Progress only rises: a late or repeated report never moves it back. */
    void progress(String jobId, double progress) {
        jdbc.sql("UPDATE audio_jobs SET progress = ? WHERE job_id = ? AND status = ? AND progress < ?")
                .params(progress, jobId, JobStatus.RUNNING.wire(), progress).update();
    }

    /** @return false when the job had already ended (the caller's transaction must then roll back) */
    boolean succeed(String jobId, String noteId) {
        return jdbc.sql("UPDATE audio_jobs SET status = ?, progress = 1, note_id = ?, finished_at = ? "
                        + "WHERE job_id = ? AND status = ?")
                .params(JobStatus.SUCCEEDED.wire(), noteId, DbTime.toDb(clock.instant()), jobId, JobStatus.RUNNING.wire())
                .update() == 1;
    }

    boolean fail(String jobId, String code, String message) {
        return jdbc.sql("UPDATE audio_jobs SET status = ?, error_code = ?, error_message = ?, finished_at = ? "
                        + "WHERE job_id = ? AND status IN (?, ?)")
                .params(JobStatus.FAILED.wire(), code, message, DbTime.toDb(clock.instant()), jobId,
                        JobStatus.QUEUED.wire(), JobStatus.RUNNING.wire())
                .update() == 1;
    }

    Optional<URI> webhookUrl(String jobId, String tenantId) {
        return jdbc.sql("SELECT webhook_key_id, webhook_iv, webhook_url FROM audio_jobs WHERE job_id = ? AND webhook_url IS NOT NULL")
                .param(jobId)
                .query((rs, n) -> new Sealed(rs.getString(1), rs.getBytes(2), rs.getBytes(3)))
                .optional()
                .map(sealed -> URI.create(new String(master.decrypt(sealed, webhookAssociatedData(jobId, tenantId)),
                        StandardCharsets.UTF_8)));
    }

    void clearKeySlot(String jobId) {
        jdbc.sql("UPDATE audio_jobs SET key_slot = NULL WHERE job_id = ?").param(jobId).update();
    }

    void logDelivery(String jobId, String tenantId, String eventType, int attempt, Integer statusCode, String outcome) {
        jdbc.sql("""
                INSERT INTO webhook_deliveries (job_id, tenant_id, event_type, attempt, attempted_at, status_code, outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(jobId, tenantId, eventType, attempt, DbTime.toDb(clock.instant()), statusCode, outcome)
                .update();
    }

    /** One webhook delivery attempt as logged: no body, no URL. */
    public record Delivery(String eventType, int attempt, Instant attemptedAt, Integer statusCode, String outcome) {}

    public List<Delivery> deliveries(String tenantId, String jobId) {
        return jdbc.sql("SELECT event_type, attempt, attempted_at, status_code, outcome FROM webhook_deliveries "
                        + "WHERE job_id = ? AND tenant_id = ? ORDER BY attempt, id")
                .params(jobId, tenantId)
                .query((rs, n) -> {
                    int code = rs.getInt("status_code");
                    Integer status = rs.wasNull() ? null : code;
                    return new Delivery(rs.getString("event_type"), rs.getInt("attempt"), DbTime.fromDb(rs, "attempted_at"),
                            status, rs.getString("outcome"));
                })
                .list();
    }

    /** Jobs past retention, with their recording's key slot when one is still held. */
    record Expired(String jobId, Long keySlot) {}

    List<Expired> expired(Instant now) {
        return jdbc.sql("SELECT job_id, key_slot FROM audio_jobs WHERE expires_at <= ?")
                .param(DbTime.toDb(now))
                .query((rs, n) -> {
                    long slot = rs.getLong("key_slot");
                    return new Expired(rs.getString("job_id"), rs.wasNull() ? null : slot);
                })
                .list();
    }

    void delete(String jobId) {
        jdbc.sql("DELETE FROM webhook_deliveries WHERE job_id = ?").param(jobId).update();
        jdbc.sql("DELETE FROM audio_jobs WHERE job_id = ?").param(jobId).update();
    }

    /** Finished jobs still holding a recording (a crash between the end of a job and its shredding). */
    List<AudioJob> finishedWithRecording() {
        return jdbc.sql("""
                SELECT job_id, tenant_id, status, progress, options, note_id, error_code, error_message, key_slot,
                    audio_bytes, attempts, created_at, finished_at FROM audio_jobs
                WHERE key_slot IS NOT NULL AND status IN (?, ?)""")
                .params(JobStatus.SUCCEEDED.wire(), JobStatus.FAILED.wire())
                .query(AudioJobStore::job).list();
    }

    private static String webhookAssociatedData(String jobId, String tenantId) {
        return "audio-jobs/" + jobId + "/" + tenantId + "/webhook";
    }

    private static AudioJob job(ResultSet rs, int n) throws SQLException {
        long slot = rs.getLong("key_slot");
        Long keySlot = rs.wasNull() ? null : slot;
        return new AudioJob(rs.getString("job_id"), rs.getString("tenant_id"), JobStatus.fromWire(rs.getString("status")),
                rs.getDouble("progress"), rs.getString("options"), rs.getString("note_id"), rs.getString("error_code"),
                rs.getString("error_message"), keySlot, rs.getLong("audio_bytes"), rs.getInt("attempts"),
                DbTime.fromDb(rs, "created_at"), DbTime.fromDb(rs, "finished_at"));
    }
}
