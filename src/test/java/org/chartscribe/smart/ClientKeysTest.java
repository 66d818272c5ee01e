package org.chartscribe.smart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientKeysTest {
    @TempDir
    Path dir;

    @Test
    void localModeGeneratesAKeyOnceAndKeepsIt() throws Exception {
        Path file = dir.resolve("smart-client-rs384.pem");
        ClientKeys first = ClientKeys.load("RS384", null, file, true, true);
        assertThat(file).exists();
        assertThat(Files.readString(file)).contains("BEGIN PRIVATE KEY");
        ClientKeys again = ClientKeys.load("RS384", null, file, true, true);
        assertThat(again.signingKey().getKeyID()).isEqualTo(first.signingKey().getKeyID());
    }

    @Test
    void readsConfiguredPemKeys() throws Exception {
        KeyPair rsa = ClientKeys.generate(JWSAlgorithm.RS384);
        Path rsaFile = Files.writeString(dir.resolve("rsa.pem"), ClientKeys.pem("PRIVATE KEY", rsa.getPrivate().getEncoded()));
        assertThat(ClientKeys.load("RS384", rsaFile, dir.resolve("unused"), false, true).signingKey().isPrivate()).isTrue();

        KeyPair ec = ClientKeys.generate(JWSAlgorithm.ES384);
        Path ecFile = Files.writeString(dir.resolve("ec.pem"), ClientKeys.pem("PRIVATE KEY", ec.getPrivate().getEncoded())
                + ClientKeys.pem("PUBLIC KEY", ec.getPublic().getEncoded()));
        JWK key = ClientKeys.load("ES384", ecFile, dir.resolve("unused"), false, true).signingKey();
        assertThat(key.getKeyType().getValue()).isEqualTo("EC");
    }

    @Test
    void serverModeWithoutAKeyIsAClearStartUpErrorWhenPrivateKeyJwtIsConfigured() {
        assertThatThrownBy(() -> ClientKeys.load("RS384", null, dir.resolve("k.pem"), false, true))
                .hasMessageContaining("CHARTSCRIBE_SMART_SIGNING_KEY");
        ClientKeys none = ClientKeys.load("RS384", null, dir.resolve("k.pem"), false, false);
        assertThat(none.publicJwks().getKeys()).isEmpty();
        assertThatThrownBy(none::signingKey).hasMessageContaining("CHARTSCRIBE_SMART_SIGNING_KEY");
    }

    @Test
    void anUnreadableKeyFileIsNamedButItsContentIsNotQuoted() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> ClientKeys.load("RS384", bad, dir.resolve("unused"), false, true))
                .hasMessageContaining("bad.pem").hasMessageNotContaining("AAAA");
    }

    @Test
    void thePublishedSetHasNoPrivatePart() {
        ClientKeys keys = ClientKeys.load("ES384", null, dir.resolve("ec.pem"), true, true);
        assertThat(keys.publicJwks().getKeys()).singleElement().satisfies(k -> assertThat(k.isPrivate()).isFalse());
        assertThat(keys.publicJwks().toString()).doesNotContain("\"d\"");
    }
}
