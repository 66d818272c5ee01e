package org.chartscribe.store.crypto;

/**
 * An encrypted value as stored: the id of the key that sealed it, the 96-bit GCM nonce and the
 * ciphertext with the 128-bit authentication tag appended.
 */
public record Sealed(String keyId, byte[] iv, byte[] ciphertext) {}
