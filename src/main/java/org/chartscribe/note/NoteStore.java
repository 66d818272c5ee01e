package org.chartscribe.note;

import java.time.Instant;
import java.util.List;

/** Persistence port for notes. Implementations encrypt content at rest. */
public interface NoteStore {

    void save(StoredNote note);

    /** Finds a live note; expired notes are {@link NoteLookup.Gone} even before the purge job runs. */
    NoteLookup find(String tenantId, String noteId, Instant now);

    /**
     * Destroys the note's content, keeping only a content-free tombstone so later reads answer 410.
     * Returns false when the tenant has no such note (or it is already gone).
     */
    boolean delete(String tenantId, String noteId);

    /**
     * The tenant's live notes (neither deleted nor expired at {@code now}), newest first, at most
     * {@code limit}, only those older than {@code beforeNoteId} when it is given (ids sort by creation).
     */
    List<NoteSummary> list(String tenantId, Instant now, String beforeNoteId, int limit);

    /** Destroys the content of every note whose {@code expiresAt} is at or before {@code now}; returns the count. */
    int purgeExpired(Instant now);
}
