package org.chartscribe.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingLoaderTest {

    private static final byte[] PLAINTEXT = "canary".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    @Test
    void plainBase64KeyGetsAStableDerivedId() {
        String key = base64(ContentCipherTest.randomKey());

        KeyRing ring = KeyRingLoader.parse(key, "test");

        assertThat(ring.activeKeyId()).matches("k[0-9a-f]{8}").isEqualTo(KeyRingLoader.parse(key, "test").activeKeyId());
        assertThat(ring.keyIds()).hasSize(1);
    }

    @Test
    void namedKeysFirstIsActive() {
        KeyRing ring = KeyRingLoader.parse(
                " k2:" + base64(ContentCipherTest.randomKey()) + " , k1:" + base64(ContentCipherTest.randomKey()), "test");

        assertThat(ring.activeKeyId()).isEqualTo("k2");
        assertThat(ring.keyIds()).containsExactly("k2", "k1");
    }

    @Test
    void wrongLengthNamesEntryAndLengthButNotTheKey() {
        String shortKey = base64(new byte[16]);

        assertThatThrownBy(() -> KeyRingLoader.parse("k1:" + base64(ContentCipherTest.randomKey()) + ",k2:" + shortKey, "CHARTSCRIBE_ENCRYPTION_KEY"))
                .isInstanceOf(KeyConfigException.class)
                .hasMessageContaining("CHARTSCRIBE_ENCRYPTION_KEY entry 2")
                .hasMessageContaining("32 bytes")
                .hasMessageContaining("16 bytes")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void invalidConfigurationsFailWithClearMessages() {
        String secretLooking = "not*base64*at*all-SECRET";
        assertThatThrownBy(() -> KeyRingLoader.parse(secretLooking, "X"))
                .hasMessage("X entry 1 is not valid base64");
        String a = base64(ContentCipherTest.randomKey());
        assertThatThrownBy(() -> KeyRingLoader.parse(a + "," + a, "X"))
                .hasMessageContaining("has no key id");
        assertThatThrownBy(() -> KeyRingLoader.parse("k1:" + a + ",k1:" + a, "X"))
                .hasMessageContaining("repeats key id 'k1'");
        assertThatThrownBy(() -> KeyRingLoader.parse("bad id!:" + a, "X"))
                .hasMessageContaining("X entry 1")
                .hasMessageNotContaining(a);
        assertThatThrownBy(() -> KeyRingLoader.parse("k1:", "X"))
                .hasMessage("X entry 1 is empty");
    }

    @Test
    void generatesOwnerOnlyKeyFileOnceInLocalModeAndReusesIt() throws IOException {
        KeyRing first = KeyRingLoader.load(null, dataDir.resolve("nested"), true);
        Path file = dataDir.resolve("nested").resolve(KeyRingLoader.KEY_FILE_NAME);
        Sealed sealed = new ContentCipher(first).encrypt(PLAINTEXT, "row");

        KeyRing second = KeyRingLoader.load("", dataDir.resolve("nested"), true);

        assertThat(file).exists();
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(second.activeKeyId()).isEqualTo(first.activeKeyId());
        assertThat(new ContentCipher(second).decrypt(sealed, "row")).isEqualTo(PLAINTEXT);
    }

    @Test
    void configuredKeyWinsOverFile() {
        KeyRingLoader.load(null, dataDir, true);

        KeyRing configured = KeyRingLoader.load("env:" + base64(ContentCipherTest.randomKey()), dataDir, true);

        assertThat(configured.activeKeyId()).isEqualTo("env");
    }

    @Test
    void serverModeNeverGeneratesAKey() {
        assertThatThrownBy(() -> KeyRingLoader.load(null, dataDir, false))
                .isInstanceOf(KeyConfigException.class)
                .hasMessageContaining("CHARTSCRIBE_ENCRYPTION_KEY is not set");
        assertThat(dataDir.resolve(KeyRingLoader.KEY_FILE_NAME)).doesNotExist();
    }

    @Test
    void corruptKeyFileNamesTheFile() throws IOException {
        Files.writeString(dataDir.resolve(KeyRingLoader.KEY_FILE_NAME), "k1:" + base64(new byte[8]));

        assertThatThrownBy(() -> KeyRingLoader.load(null, dataDir, true))
                .hasMessageContaining("encryption key file")
                .hasMessageContaining("8 bytes");
    }

    private static String base64(byte[] raw) {
        return Base64.getEncoder().encodeToString(raw);
    }
}
