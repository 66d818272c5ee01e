package org.chartscribe.audio;

import java.util.Objects;

/**
 * An upload sent with an {@code Idempotency-Key}: the client's key and a digest of everything it sent
 * (the recording's bytes and the note fields), so the same key with another recording is refused.
 */
public record IdempotentUpload(String key, String requestHash) {
    public IdempotentUpload {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestHash, "requestHash");
    }

    /** Redacted: the key is the client's text. */
    @Override
    public String toString() {
        return "IdempotentUpload[requestHash=" + requestHash + "]";
    }
}
