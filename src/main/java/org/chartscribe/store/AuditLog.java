package org.chartscribe.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.chartscribe.note.AuditTrail;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who did what to which note, and when: tenant, action, note id and request id only, never content.
 * Actions are short dotted names such as {@code note.created}, {@code note.read}, {@code note.deleted},
 * {@code api_key.created}, {@code api_key.revoked}.
 */
public class AuditLog implements AuditTrail {

    public record Event(Instant occurredAt, String tenantId, String action, String noteId, String requestId) {}

    private static final int MAX_ACTION = 64;
    private static final int MAX_ID = 64;
    private static final int MAX_REQUEST_ID = 128;

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** For the note service: the request id is the one the web layer put in the logging context. */
    @Override
    public void record(String tenantId, String action, String noteId) {
        record(tenantId, action, noteId, MDC.get("requestId"));
    }

    /** noteId and requestId may be null; an over-long request id (client-supplied) is cut, not refused. */
    public void record(String tenantId, String action, String noteId, String requestId) {
        if (action == null || action.isBlank() || action.length() > MAX_ACTION) {
            throw new IllegalArgumentException("audit action must be 1-" + MAX_ACTION + " characters");
        }
        jdbc.sql("""
                INSERT INTO audit_events (occurred_at, tenant_id, action, note_id, request_id)
                VALUES (?, ?, ?, ?, ?)""")
                .params(DbTime.toDb(clock.instant()), cut(tenantId, MAX_ID), action, cut(noteId, MAX_ID),
                        cut(requestId, MAX_REQUEST_ID))
                .update();
    }

    /** The tenant's latest events, newest first. */
    public List<Event> recent(String tenantId, int limit) {
        return jdbc.sql("""
                SELECT occurred_at, tenant_id, action, note_id, request_id FROM audit_events
                WHERE tenant_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?""")
                .params(tenantId, limit)
                .query((rs, n) -> new Event(DbTime.fromDb(rs, "occurred_at"), rs.getString("tenant_id"),
                        rs.getString("action"), rs.getString("note_id"), rs.getString("request_id")))
                .list();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
