package org.chartscribe.store.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCliTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void createListRevokeAgainstADataDir() {
        assertThat(keys("keys", "create", "acme")).isZero();
        String created = take(out);
        Matcher key = Pattern.compile("(?m)^(cs_[A-Za-z0-9_-]{43})$").matcher(created);
        Matcher keyId = Pattern.compile("(key_[0-9a-z]{26})").matcher(created);
        assertThat(key.find()).as(created).isTrue();
        assertThat(keyId.find()).isTrue();

        assertThat(keys("keys", "list")).isZero();
        String listed = take(out);
        assertThat(listed).contains("KEY ID", keyId.group(1), "acme", key.group(1).substring(0, 8))
                .doesNotContain(key.group(1));
        assertThat(listed.lines().filter(l -> l.startsWith(keyId.group(1)))).singleElement()
                .satisfies(line -> assertThat(line).endsWith(" -"));

        assertThat(keys("keys", "revoke", keyId.group(1))).isZero();
        assertThat(take(out)).contains("Revoked " + keyId.group(1));
        assertThat(keys("keys", "revoke", keyId.group(1))).isEqualTo(1);
        assertThat(take(err)).contains("No active key");

        assertThat(keys("keys", "list")).isZero();
        assertThat(take(out).lines().filter(l -> l.startsWith(keyId.group(1)))).singleElement()
                .satisfies(line -> assertThat(line).doesNotEndWith(" -"));
        assertThat(dataDir.resolve("chartscribe.mv.db")).exists();
    }

    @Test
    void aWebhookSecretIsCreatedThenRotated() {
        Pattern secret = Pattern.compile("(?m)^(whsec_[A-Za-z0-9_-]{43})$");
        assertThat(keys("keys", "webhook-secret", "acme")).isZero();
        Matcher first = secret.matcher(take(out));
        assertThat(first.find()).isTrue();
        assertThat(keys("keys", "webhook-secret", "acme")).isZero();
        Matcher second = secret.matcher(take(out));
        assertThat(second.find()).isTrue();
        assertThat(second.group(1)).isNotEqualTo(first.group(1));
        assertThat(keys("keys", "webhook-secret", "bad tenant!")).isEqualTo(2);
        take(err);
    }

    @Test
    void badUsageExitsWithTwoAndPrintsUsage() {
        for (String[] args : new String[][] {{"keys"}, {"keys", "create"}, {"keys", "create", "bad tenant!"},
                {"keys", "list", "extra"}, {"keys", "revoke"}, {"keys", "rotate"}}) {
            assertThat(keys(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(take(err)).contains("usage: java -jar chartscribe.jar keys create <tenant>");
        }
    }

    private int keys(String... args) {
        return KeysCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "chartscribe.data-dir=" + dataDir);
    }

    private static String take(ByteArrayOutputStream buffer) {
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        return text;
    }
}
