package org.chartscribe.store.crypto;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Where per-value data keys live, so that content can be crypto-shredded: a deleted note's
 * ciphertext may survive in old database pages, but once its key is destroyed here nothing, not even
 * the master key, decrypts it. Each key is stored wrapped (AES-GCM) by the master key with associated
 * data naming the slot and its owner, so a key moved to another slot or owner does not unwrap.
 */
public interface KeyVault {

    /**
     * Generates a fresh key for {@code owner} (e.g. {@code notes/<id>/<tenant>}) and stores it
     * durably before returning: a caller may acknowledge content sealed with it right away.
     */
    DataKey create(String owner);

    /** The owner's key, or empty when the slot was destroyed (or now belongs to someone else). */
    Optional<DataKey> open(long slot, String owner);

    /** Destroys the key so it cannot be read back from storage. Idempotent. */
    void destroy(long slot);

    /** Slots holding a key created before {@code cutoff}: candidates for orphan clean-up. */
    Set<Long> slotsCreatedBefore(Instant cutoff);

    /** After a batch of {@link #destroy} calls: let the storage reclaim what it still holds, if it can. */
    default void reclaim() {}
}
