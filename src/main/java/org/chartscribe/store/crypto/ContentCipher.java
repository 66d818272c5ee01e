package org.chartscribe.store.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a fresh random 96-bit nonce per value and a 128-bit tag. The caller passes
 * associated data that names the row (e.g. {@code notes/<id>}), so a ciphertext copied to another
 * row fails authentication instead of decrypting as someone else's note. Random 96-bit nonces stay
 * safe for about 2^32 values per key (NIST SP 800-38D); rotate the active key long before that.
 * Thread-safe.
 */
public final class ContentCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyRing keyRing;
    private final SecureRandom random = new SecureRandom();

    public ContentCipher(KeyRing keyRing) {
        this.keyRing = keyRing;
    }

    public Sealed encrypt(byte[] plaintext, String associatedData) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        String keyId = keyRing.activeKeyId();
        try {
            Cipher cipher = init(Cipher.ENCRYPT_MODE, keyRing.activeKey(), iv, associatedData);
            return new Sealed(keyId, iv, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed with key " + keyId, e);
        }
    }

    /** @throws DecryptionException when the key is unknown or the value/associated data was altered */
    public byte[] decrypt(Sealed sealed, String associatedData) {
        SecretKey key = keyRing.key(sealed.keyId()).orElseThrow(() -> new DecryptionException(
                "value was encrypted with key id '" + sealed.keyId() + "', which is not configured"));
        try {
            return init(Cipher.DECRYPT_MODE, key, sealed.iv(), associatedData).doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("value failed authentication (altered, moved or wrong key)", e);
        }
    }

    private static Cipher init(int mode, SecretKey key, byte[] iv, String associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    public static final class DecryptionException extends RuntimeException {
        DecryptionException(String message) {
            super(message);
        }

        DecryptionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
