package org.chartscribe.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 means the note is on disk: the real application under concurrent load is killed with
 * SIGKILL (no shutdown, nothing flushed) and restarted on the same data directory, and every note it
 * had acknowledged must read back. With H2's default one-second write delay the last commits before
 * the kill were lost. The restarted server's data directory is owner-only, as after any start.
 */
// two application starts: about 10 s each on an idle 2-core machine, 40 s each under load
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class CrashDurabilityIT {

    private static final int CLIENTS = 4;
    private static final Duration LOAD = Duration.ofSeconds(4);

    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyNoteAnswered200BeforeKillMinus9ReadsBackAfterRestart() throws Exception {
        Path dataDir = tmp.resolve("data");
        Path log = tmp.resolve("child.log");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ChildProcessApp first = ChildProcessApp.start(dataDir, log);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicBoolean running = new AtomicBoolean(true);
        try {
            String body = json.writeValueAsString(Map.of("transcript", transcript(), "specialty", "nurse_practitioner"));
            for (int i = 0; i < CLIENTS; i++) {
                clients.submit(() -> postUntilStopped(first, body, running, acknowledged));
            }
            Thread.sleep(LOAD.toMillis());
            first.kill(); // while the clients are still writing
        } finally {
            running.set(false);
            clients.shutdownNow();
            clients.awaitTermination(10, TimeUnit.SECONDS);
            first.close();
        }
        assertThat(acknowledged).as("notes acknowledged under load").hasSizeGreaterThan(20);

        try (ChildProcessApp second = ChildProcessApp.start(dataDir, log)) {
            List<String> lost = acknowledged.stream().filter(id -> !readable(second, id)).sorted().toList();
            // the figure docs/RELIABILITY.md quotes ("Crash durability")
            System.out.printf("crash durability: %d notes acknowledged before kill -9, %d lost%n", acknowledged.size(), lost.size());
            assertThat(lost).as("acknowledged notes lost in the crash (of %d)", acknowledged.size()).isEmpty();
            assertThat(OwnerOnlyDataDirectoryTest.mode(dataDir)).as("data directory").isEqualTo("rwx------");
            OwnerOnlyDataDirectoryTest.assertEveryFileIsOwnerOnly(dataDir);
        }
    }

    private void postUntilStopped(ChildProcessApp app, String body, AtomicBoolean running, Set<String> acknowledged) {
        while (running.get()) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.uri("/v1/note"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + ChildProcessApp.KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    acknowledged.add(json.readTree(response.body()).get("noteId").asText());
                }
            } catch (IOException killed) {
                return; // the server is gone: nothing more is acknowledged
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean readable(ChildProcessApp app, String noteId) {
        try {
            return http.send(HttpRequest.newBuilder(app.uri("/v1/note/" + noteId))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + ChildProcessApp.KEY).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot read note after restart", e);
        }
    }

    private static String transcript() throws IOException {
        try (InputStream in = CrashDurabilityIT.class.getResourceAsStream("/fixtures/asthma-follow-up.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
