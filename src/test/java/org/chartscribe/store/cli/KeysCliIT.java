package org.chartscribe.store.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.ChartScribeApplication;
import org.chartscribe.store.ChildProcessApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keys CLI in a child JVM while the server runs in another on the embedded H2 default (issue 13
 * item 1): the commands go through the server's loopback admin endpoint, print only what the operator
 * needs, and take effect at once; with the server killed (its admin-endpoint file left behind) the CLI
 * opens the database itself.
 */
class KeysCliIT {

    private static final Pattern KEY = Pattern.compile("(?m)^(cs_[A-Za-z0-9_-]{43})$");
    private static final Pattern KEY_ID = Pattern.compile("(key_[0-9a-z]{26})");

    @TempDir
    Path tmp;

    record Run(int exit, String output) {}

    @Test
    void keysAreManagedWhileTheServerRunsAndAfterItDied() throws Exception {
        Path dataDir = tmp.resolve("data");
        Path log = tmp.resolve("app.log");
        String created;
        try (ChildProcessApp app = ChildProcessApp.start(dataDir, log, List.of(), Duration.ofSeconds(90))) {
            awaitPublished(dataDir);
            Run webhook = cli(dataDir, "keys", "webhook-secret", "clinic-b");
            assertThat(webhook.exit()).as(webhook.output()).isZero();
            assertThat(webhook.output()).containsPattern("(?m)^whsec_[A-Za-z0-9_-]{43}$");
            Run create = cli(dataDir, "keys", "create", "clinic-b");
            assertThat(create.exit()).as(create.output()).isZero();
            assertThat(create.output().lines().count()).as(create.output()).isLessThanOrEqualTo(3);
            Matcher key = KEY.matcher(create.output());
            Matcher keyId = KEY_ID.matcher(create.output());
            assertThat(key.find()).as(create.output()).isTrue();
            assertThat(keyId.find()).isTrue();
            created = keyId.group(1);
            assertThat(status(app, key.group(1))).as("the new key works at once").isEqualTo(404);

            Run list = cli(dataDir, "keys", "list");
            assertThat(list.exit()).isZero();
            assertThat(list.output()).contains(created, "clinic-b", "crash-tenant").doesNotContain(key.group(1));
            assertThat(list.output().lines().count()).isEqualTo(3); // header, the bootstrap key, the new one

            Run revoke = cli(dataDir, "keys", "revoke", created);
            assertThat(revoke.exit()).as(revoke.output()).isZero();
            assertThat(revoke.output().strip()).isEqualTo("Revoked " + created + ".");
            assertThat(status(app, key.group(1))).as("the revoked key is refused at once").isEqualTo(401);
            Run again = cli(dataDir, "keys", "revoke", created);
            assertThat(again.exit()).isEqualTo(1);
            assertThat(again.output()).contains("No active key");
        }
        // killed: the admin-endpoint file stays behind, nothing listens, the CLI opens the database itself
        Run afterCrash = cli(dataDir, "keys", "list");
        assertThat(afterCrash.exit()).as(afterCrash.output()).isZero();
        assertThat(afterCrash.output()).contains(created);
        assertThat(afterCrash.output().lines().count()).as(afterCrash.output()).isEqualTo(3);
    }

    @Test
    void theAdminEndpointAnswersNobodyWithoutTheDataDirectorysSecret() throws Exception {
        Path dataDir = tmp.resolve("data");
        try (ChildProcessApp app = ChildProcessApp.start(dataDir, tmp.resolve("app.log"), List.of(), Duration.ofSeconds(90))) {
            awaitPublished(dataDir);
            HttpClient http = HttpClient.newHttpClient();
            for (String secret : new String[] {null, "wrong", ""}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(app.uri("/admin/keys"));
                if (secret != null) {
                    request.header(AdminEndpointFile.HEADER, secret);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(404);
                assertThat(response.body()).doesNotContain("crash-tenant");
            }
            HttpResponse<String> apiKey = http.send(HttpRequest.newBuilder(app.uri("/admin/keys"))
                    .header("Authorization", "Bearer " + ChildProcessApp.KEY).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(apiKey.statusCode()).as("an API key is not an operator").isEqualTo(404);
            if (dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dataDir.resolve("admin-endpoint")))).isEqualTo("rw-------");
            }
        }
    }

    /** The server publishes its endpoint just after Tomcat starts, so a health check can come first. */
    private static void awaitPublished(Path dataDir) throws InterruptedException {
        for (int i = 0; i < 100 && !Files.exists(dataDir.resolve("admin-endpoint")); i++) {
            Thread.sleep(100);
        }
        assertThat(dataDir.resolve("admin-endpoint")).exists();
    }

    private static int status(ChildProcessApp app, String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.uri("/v1/note/01JXXXXXXXXXXXXXXXXXXXXXXX"))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Run cli(Path dataDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ChartScribeApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CHARTSCRIBE_DATA_DIR", dataDir.toString());
        Process process = builder.start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("CLI finished").isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
