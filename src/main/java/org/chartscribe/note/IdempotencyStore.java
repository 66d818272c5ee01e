package org.chartscribe.note;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers which note an {@code Idempotency-Key} produced, per tenant, with a hash of the request
 * body so a reused key with a different body can be refused.
 */
public interface IdempotencyStore {

    record Entry(String requestHash, String noteId, Instant createdAt) {}

    Optional<Entry> find(String tenantId, String key);

    /**
     * Records the key; returns false (and records nothing) when the tenant already has an entry for
     * this key, e.g. a concurrent duplicate request won the race.
     */
    boolean record(String tenantId, String key, Entry entry);

    /** Forgets the tenant's entry for this key if it was created before {@code cutoff}. */
    void forgetIfOlderThan(String tenantId, String key, Instant cutoff);

    /** Forgets entries created before {@code cutoff}; returns the count. */
    int purgeOlderThan(Instant cutoff);
}
