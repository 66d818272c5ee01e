package org.chartscribe.store.crypto;

import javax.crypto.SecretKey;

/**
 * A note's own AES-256 key and the vault slot it is kept in. The key encrypts exactly one value;
 * destroying the slot makes that value unrecoverable wherever its ciphertext still lies.
 */
public record DataKey(long slot, SecretKey key) {

    /** Never prints key material. */
    @Override
    public String toString() {
        return "DataKey[slot=" + slot + "]";
    }
}
