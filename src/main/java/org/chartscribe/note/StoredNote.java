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
        Instant expiresAt) {}
