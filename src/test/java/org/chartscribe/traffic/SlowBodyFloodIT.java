package org.chartscribe.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chartscribe.store.ChildProcessApp;
import org.chartscribe.traffic.SlowBodyFlood.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 1: 200 connections from one address trickle request bodies a byte a second into
 * {@code /v1/note} and {@code $generate-soap}, with and without a valid key, reconnecting whenever the
 * server lets go, while a clinic's client on another address keeps asking for health and posting notes.
 * Before the fix every Tomcat thread ended up reading (or draining) a slow body and the clinic's client
 * got nothing. Now a keyless request is answered 401 and its connection closed unread, one address
 * holds at most its share of the threads, and a body that is not in after the deadline is answered 408.
 * The real application in a child JVM, real sockets; the flood lasts 20 s.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SlowBodyFloodIT {
    private static final String CLINIC_KEY = "cs_test_flood_clinic_4b8d2f6a1c3e5b7d9f0a2c4e6b8d0f1a";
    private static final String ATTACKER = "127.0.0.2";
    private static final int SLOW_CONNECTIONS = 200;
    private static final Duration FLOOD = Duration.ofSeconds(20);
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final String NOTE = "{\"specialty\":\"nurse_practitioner\",\"transcript\":\"Doctor: What brings you in today? "
            + "Patient: A sore throat for three days and a mild fever. Doctor: Any cough? Patient: No cough.\"}";

    @TempDir
    Path tmp;

    private final HttpClient clinic = HttpClient.newBuilder().connectTimeout(PATIENCE).build();

    @Test
    void healthAndAClinicsNotesKeepFlowingThroughASlowBodyFlood() throws Exception {
        Path log = tmp.resolve("child.log");
        try (ChildProcessApp app = ChildProcessApp.start(tmp.resolve("data"), log, List.of(
                "--chartscribe.bootstrap-api-keys=clinic:" + CLINIC_KEY,
                "--chartscribe.traffic.body-deadline=5s", "--chartscribe.traffic.body-idle-timeout=3s"), Duration.ofSeconds(120))) {
            List<String> failures = new ArrayList<>();
            List<Long> healthMillis = new ArrayList<>();
            List<Long> noteMillis = new ArrayList<>();
            try (SlowBodyFlood flood = SlowBodyFlood.start(ATTACKER, app.port, ChildProcessApp.KEY, SLOW_CONNECTIONS)) {
                Thread.sleep(3_000); // let the flood take every thread it can
                long end = System.nanoTime() + FLOOD.toNanos();
                while (System.nanoTime() < end) {
                    call(HttpRequest.newBuilder(uri(app, "/actuator/health")).GET(), healthMillis, failures);
                    call(HttpRequest.newBuilder(uri(app, "/v1/note")).POST(HttpRequest.BodyPublishers.ofString(NOTE))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + CLINIC_KEY),
                            noteMillis, failures);
                    Thread.sleep(500);
                }
                System.out.printf("slow-body flood: %d connections opened by %d sockets from %s; answers %s; "
                                + "clinic health n=%d max=%d ms, notes n=%d max=%d ms, failures %s%n",
                        flood.connections.get(), SLOW_CONNECTIONS, ATTACKER, flood.answers, healthMillis.size(),
                        healthMillis.stream().mapToLong(Long::longValue).max().orElse(-1), noteMillis.size(),
                        noteMillis.stream().mapToLong(Long::longValue).max().orElse(-1), failures);

                assertThat(failures).as("the clinic's calls during the flood").isEmpty();
                assertThat(healthMillis).hasSizeGreaterThan(10);
                assertThat(noteMillis).hasSizeGreaterThan(10);

                assertThat(flood.count(Kind.NOTE_WITHOUT_KEY, 401)).as("keyless notes answered 401 at once").isPositive();
                assertThat(flood.count(Kind.FHIR_WITHOUT_KEY, 401)).as("keyless $generate-soap answered 401").isPositive();
                assertThat(flood.count(Kind.NOTE_WITH_KEY, 408) + flood.count(Kind.FHIR_WITH_KEY, 408))
                        .as("slow bodies that were let in time out").isPositive();
                assertThat(flood.count(Kind.NOTE_WITH_KEY, 429) + flood.count(Kind.FHIR_WITH_KEY, 429))
                        .as("the attacker's address is held to its share").isPositive();
                assertThat(flood.answers.keySet()).as("every answer to an unread body closes the connection")
                        .allSatisfy(answer -> assertThat(answer.closes()).as(answer.toString()).isTrue());
                assertThat(flood.answers.keySet()).filteredOn(answer -> answer.kind().path.startsWith("/fhir") && answer.status() == 401)
                        .allSatisfy(answer -> assertThat(answer.operationOutcome()).isTrue());
                assertThat(flood.answers.keySet()).as("nothing but refusals and timeouts")
                        .allSatisfy(answer -> assertThat(answer.status()).isIn(401, 408, 429, 503));
            }
            assertThat(Files.readAllLines(log)).as("no ERROR logged for a client's slowness")
                    .noneMatch(line -> line.contains(" ERROR "));
        }
    }

    private void call(HttpRequest.Builder request, List<Long> millis, List<String> failures) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = clinic.send(request.timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - started) / 1_000_000);
            if (response.statusCode() != 200) {
                failures.add(response.uri().getPath() + " -> " + response.statusCode());
            }
        } catch (Exception e) {
            failures.add(request.build().uri().getPath() + " -> " + e.getClass().getSimpleName());
        }
    }

    private static URI uri(ChildProcessApp app, String path) {
        return URI.create("http://127.0.0.1:" + app.port + path);
    }
}
