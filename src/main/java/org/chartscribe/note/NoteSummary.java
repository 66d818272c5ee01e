package org.chartscribe.note;

import java.time.Instant;

/** What a tenant's note list shows of a note: no content, nothing from the transcript. */
public record NoteSummary(String noteId, String specialty, Instant createdAt, Instant expiresAt) {}
