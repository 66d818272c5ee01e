package org.chartscribe.store.crypto;

/**
 * The encryption key configuration is unusable. Messages name the entry and the problem, never the
 * key material, because start-up failures end up in logs.
 */
public class KeyConfigException extends IllegalStateException {
    public KeyConfigException(String message) {
        super(message);
    }

    public KeyConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
