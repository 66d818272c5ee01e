package org.chartscribe.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentCipherTest {

    private static final byte[] PLAINTEXT = "Patient reports knee pain 7/10".getBytes(StandardCharsets.UTF_8);

    @Test
    void roundTripsWithFreshNonceAndTag() {
        ContentCipher cipher = new ContentCipher(ring("k1"));

        Sealed first = cipher.encrypt(PLAINTEXT, "notes/a");
        Sealed second = cipher.encrypt(PLAINTEXT, "notes/a");

        assertThat(cipher.decrypt(first, "notes/a")).isEqualTo(PLAINTEXT);
        assertThat(first.keyId()).isEqualTo("k1");
        assertThat(first.iv()).hasSize(12).isNotEqualTo(second.iv());
        assertThat(first.ciphertext()).hasSize(PLAINTEXT.length + 16).isNotEqualTo(second.ciphertext());
    }

    @Test
    void tamperedCiphertextOrNonceFailsAuthentication() {
        ContentCipher cipher = new ContentCipher(ring("k1"));
        Sealed sealed = cipher.encrypt(PLAINTEXT, "notes/a");

        byte[] body = sealed.ciphertext().clone();
        body[3] ^= 1;
        byte[] iv = sealed.iv().clone();
        iv[0] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(new Sealed("k1", sealed.iv(), body), "notes/a"))
                .isInstanceOf(ContentCipher.DecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt(new Sealed("k1", iv, sealed.ciphertext()), "notes/a"))
                .isInstanceOf(ContentCipher.DecryptionException.class);
    }

    @Test
    void ciphertextMovedToAnotherRowFailsAuthentication() {
        ContentCipher cipher = new ContentCipher(ring("k1"));
        Sealed sealed = cipher.encrypt(PLAINTEXT, "notes/a");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "notes/b"))
                .isInstanceOf(ContentCipher.DecryptionException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void rotationEncryptsWithNewKeyAndStillDecryptsOld() {
        byte[] oldKey = randomKey();
        byte[] newKey = randomKey();
        ContentCipher before = new ContentCipher(KeyRing.of(Map.of("k1", oldKey)));
        Map<String, byte[]> rotated = new LinkedHashMap<>();
        rotated.put("k2", newKey);
        rotated.put("k1", oldKey);
        ContentCipher after = new ContentCipher(KeyRing.of(rotated));

        Sealed old = before.encrypt(PLAINTEXT, "notes/a");
        Sealed fresh = after.encrypt(PLAINTEXT, "notes/b");

        assertThat(after.decrypt(old, "notes/a")).isEqualTo(PLAINTEXT);
        assertThat(fresh.keyId()).isEqualTo("k2");
        assertThat(after.decrypt(fresh, "notes/b")).isEqualTo(PLAINTEXT);
    }

    @Test
    void unknownKeyIdIsReportedByIdNotAsTampering() {
        Sealed old = new ContentCipher(ring("k1")).encrypt(PLAINTEXT, "notes/a");
        ContentCipher withoutOldKey = new ContentCipher(ring("k2"));

        assertThatThrownBy(() -> withoutOldKey.decrypt(old, "notes/a"))
                .isInstanceOf(ContentCipher.DecryptionException.class)
                .hasMessageContaining("'k1'")
                .hasMessageContaining("not configured");
    }

    @Test
    void keyRingRejectsWrongLengthAndNeverPrintsKeys() {
        assertThatThrownBy(() -> KeyRing.of(Map.of("k1", new byte[16])))
                .isInstanceOf(KeyConfigException.class)
                .hasMessageContaining("32 bytes");
        assertThat(ring("k1").toString()).isEqualTo("KeyRing[active=k1, keyIds=[k1]]");
    }

    static KeyRing ring(String keyId) {
        return KeyRing.of(Map.of(keyId, randomKey()));
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
