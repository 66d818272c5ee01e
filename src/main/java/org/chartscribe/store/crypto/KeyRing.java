package org.chartscribe.store.crypto;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256 keys by id: one active key encrypts, every known key decrypts, so keys can rotate without
 * re-encrypting old rows (they name their key id).
 */
public final class KeyRing {

    public static final int KEY_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;

    private KeyRing(String activeKeyId, Map<String, SecretKey> keys) {
        this.activeKeyId = activeKeyId;
        this.keys = Collections.unmodifiableMap(keys);
    }

    /** Builds a ring from ordered (key id, raw key) pairs; the first entry is the active key. */
    public static KeyRing of(Map<String, byte[]> orderedKeys) {
        if (orderedKeys.isEmpty()) {
            throw new KeyConfigException("no encryption key configured");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        orderedKeys.forEach((id, raw) -> {
            requireValidKeyId(id);
            if (raw.length != KEY_BYTES) {
                throw new KeyConfigException("encryption key '" + id + "' must be " + KEY_BYTES
                        + " bytes (AES-256) but is " + raw.length + " bytes");
            }
            keys.put(id, new SecretKeySpec(raw, "AES"));
        });
        return new KeyRing(orderedKeys.keySet().iterator().next(), keys);
    }

    static void requireValidKeyId(String id) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new KeyConfigException("encryption key id must be 1-32 characters of A-Z a-z 0-9 _ . - (got "
                    + (id == null ? "none" : id.length() + " characters") + ")");
        }
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    SecretKey activeKey() {
        return keys.get(activeKeyId);
    }

    Optional<SecretKey> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "KeyRing[active=" + activeKeyId + ", keyIds=" + keys.keySet() + "]";
    }
}
