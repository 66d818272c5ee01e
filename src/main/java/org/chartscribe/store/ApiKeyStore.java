package org.chartscribe.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API keys, kept only as hashes. A key belongs to exactly one tenant.
 */
public interface ApiKeyStore {

    /** Public, non-secret facts about a key (the prefix lets an operator recognise it). */
    record KeyInfo(String keyId, String tenantId, String prefix, Instant createdAt, Instant revokedAt) {}

    /** Creates a new random key for the tenant; the returned plaintext is shown once and never stored. */
    Created create(String tenantId);

    record Created(KeyInfo info, String plaintextKey) {}

    /** Registers a key given in plaintext (bootstrap); idempotent when the same key is registered again. */
    KeyInfo register(String tenantId, String plaintextKey);

    /** The tenant of an active (not revoked) key, or empty. */
    Optional<String> tenantOf(String plaintextKey);

    List<KeyInfo> list();

    /** Revokes by key id; returns false when there is no such active key. */
    boolean revoke(String keyId);

    boolean isEmpty();
}
