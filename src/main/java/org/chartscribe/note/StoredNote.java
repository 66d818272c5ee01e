package org.chartscribe.note;

import java.time.Instant;

/** A generated note as kept for its tenant until {@code expiresAt}. */
public record StoredNote(
        String noteId,
        String tenantId,
        String specialty,
        String template,
        DraftNote draft,
        Instant createdAt,
        Instant expiresAt) {
    /** Redacted: the draft is PHI. */
    @Override
    public String toString() {
        return "StoredNote[noteId=" + noteId + ", tenantId=" + tenantId + ", specialty=" + specialty
                + ", template=" + template + ", createdAt=" + createdAt + ", expiresAt=" + expiresAt + "]";
    }
}
