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

    /**
     * The key id recorded for a value sealed with its own {@link DataKey}: a '#' never appears in a
     * master key id, so the two kinds of sealed value cannot be confused.
     */
    public static final String DATA_KEY_ID = "#data-key";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyRing keyRing;

    public ContentCipher(KeyRing keyRing) {
        this.keyRing = keyRing;
    }

    public Sealed encrypt(byte[] plaintext, String associatedData) {
        byte[] iv = freshIv();
        String keyId = keyRing.activeKeyId();
        try {
            Cipher cipher = init(Cipher.ENCRYPT_MODE, keyRing.activeKey(), iv, associatedData);
            return new Sealed(keyId, iv, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed with key " + keyId, e);
        }
    }

    /** Whether a value sealed with {@code keyId} can be opened, i.e. that master key is configured. */
    public boolean knowsKey(String keyId) {
        return keyRing.key(keyId).isPresent();
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

    /** Seals with a note's own data key (one value per key, so the random nonce never repeats under it). */
    public static Sealed encrypt(DataKey dataKey, byte[] plaintext, String associatedData) {
        byte[] iv = freshIv();
        try {
            return new Sealed(DATA_KEY_ID, iv, init(Cipher.ENCRYPT_MODE, dataKey.key(), iv, associatedData).doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed with a data key", e);
        }
    }

    /** @throws DecryptionException when the value was not sealed with this data key and associated data */
    public static byte[] decrypt(DataKey dataKey, Sealed sealed, String associatedData) {
        if (!DATA_KEY_ID.equals(sealed.keyId())) {
            throw new DecryptionException("value was not sealed with a data key");
        }
        try {
            return init(Cipher.DECRYPT_MODE, dataKey.key(), sealed.iv(), associatedData).doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("value failed authentication (altered, moved or wrong key)", e);
        }
    }

    private static byte[] freshIv() {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        return iv;
    }

    private static Cipher init(int mode, SecretKey key, byte[] iv, String associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    public static final class DecryptionException extends RuntimeException {
        public DecryptionException(String message) {
            super(message);
        }

        DecryptionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
