package org.chartscribe.note;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Map-backed ports for testing the service logic without a database. */
final class InMemoryStores implements NoteStore, IdempotencyStore {
    private final Map<String, StoredNote> notes = new HashMap<>();
    private final Map<String, String> tombstones = new HashMap<>();
    private final Map<String, Entry> keys = new HashMap<>();

    @Override
    public void save(StoredNote note) {
        notes.put(note.noteId(), note);
    }

    @Override
    public NoteLookup find(String tenantId, String noteId, Instant now) {
        StoredNote note = notes.get(noteId);
        if (note != null && note.tenantId().equals(tenantId)) {
            return note.expiresAt().isAfter(now) ? new NoteLookup.Found(note) : new NoteLookup.Gone();
        }
        return tenantId.equals(tombstones.get(noteId)) ? new NoteLookup.Gone() : new NoteLookup.Missing();
    }

    @Override
    public boolean delete(String tenantId, String noteId) {
        StoredNote note = notes.get(noteId);
        if (note == null || !note.tenantId().equals(tenantId)) {
            return false;
        }
        notes.remove(noteId);
        tombstones.put(noteId, tenantId);
        return true;
    }

    @Override
    public java.util.List<NoteSummary> list(String tenantId, Instant now, String beforeNoteId, int limit) {
        return notes.values().stream()
                .filter(n -> n.tenantId().equals(tenantId) && n.expiresAt().isAfter(now))
                .filter(n -> beforeNoteId == null || n.noteId().compareTo(beforeNoteId) < 0)
                .sorted(java.util.Comparator.comparing(StoredNote::noteId).reversed()).limit(limit)
                .map(n -> new NoteSummary(n.noteId(), n.specialty(), n.createdAt(), n.expiresAt())).toList();
    }

    @Override
    public int purgeExpired(Instant now) {
        throw new UnsupportedOperationException("not used by the service");
    }

    @Override
    public Optional<Entry> find(String tenantId, String key) {
        return Optional.ofNullable(keys.get(tenantId + "/" + key));
    }

    @Override
    public boolean record(String tenantId, String key, Entry entry) {
        return keys.putIfAbsent(tenantId + "/" + key, entry) == null;
    }

    @Override
    public void forgetIfOlderThan(String tenantId, String key, Instant cutoff) {
        keys.computeIfPresent(tenantId + "/" + key, (k, e) -> e.createdAt().isBefore(cutoff) ? null : e);
    }

    @Override
    public int purgeOlderThan(Instant cutoff) {
        throw new UnsupportedOperationException("not used by the service");
    }

    int noteCount() {
        return notes.size();
    }
}
