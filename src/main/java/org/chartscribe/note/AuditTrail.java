package org.chartscribe.note;

/** Records who did what to which note (never content). Actions: note.created, note.replayed, note.read, note.deleted. */
public interface AuditTrail {
    void record(String tenantId, String action, String noteId);
}
