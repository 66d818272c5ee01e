package org.chartscribe.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of an audio job loses nothing and duplicates nothing: the real
 * application (real decoder and embedded recogniser) in a child JVM accepts a recording as a job, is
 * killed with SIGKILL while the job runs, and is restarted on the same data directory; the revived
 * job completes and exactly one note exists. On the default H2 file and on PostgreSQL (the database
 * several instances share). Short heartbeats so the dead execution is noticed in seconds rather than
 * the default minute.
 */
// two application starts (10-40 s each) and two recognitions of a short clip
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class AudioJobCrashIT {
    private static final List<String> FAST_REVIVAL = List.of("--db-scheduler.heartbeat-interval=1s",
            "--db-scheduler.missed-heartbeats-limit=4", "--db-scheduler.polling-interval=500ms");

    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aJobKilledMidRunCompletesOnceAfterRestart(String database) throws Exception {
        Path dataDir = tmp.resolve("data");
        Path log = tmp.resolve("child.log");
        List<String> arguments = new ArrayList<>(FAST_REVIVAL);
        if (database.equals("postgresql")) {
            arguments.addAll(List.of("--spring.datasource.url=" + TestPostgres.freshDatabaseUrl(),
                    "--spring.datasource.username=" + TestPostgres.USER,
                    "--spring.datasource.password=" + TestPostgres.PASSWORD));
        }
        String jobId;
        try (ChildProcessApp first = ChildProcessApp.start(dataDir, log, arguments, Duration.ofSeconds(90))) {
            HttpResponse<String> accepted = upload(first, Path.of("src/test/resources/audio/dialogue.ogg"));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            jobId = json.readTree(accepted.body()).get("jobId").asText();
            JsonNode running = awaitRecognising(first, jobId);
            assertThat(running.get("status").asText()).as("the job was still running when the server was killed")
                    .isEqualTo("running");
            first.kill();
        }

        try (ChildProcessApp second = ChildProcessApp.start(dataDir, log, arguments, Duration.ofSeconds(90))) {
            assertThat(awaitStatus(second, jobId, "succeeded")).isEqualTo("succeeded");
            JsonNode job = get(second, "/v1/jobs/" + jobId);
            String noteId = job.get("noteId").asText();
            assertThat(job.get("progress").asDouble()).isEqualTo(1.0);
            JsonNode notes = get(second, "/v1/notes?limit=100").get("notes");
            assertThat(notes).as("notes of the tenant after the crash and the revived job").hasSize(1);
            assertThat(notes.get(0).get("noteId").asText()).isEqualTo(noteId);
            assertThat(http.send(request(second, "/v1/note/" + noteId).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode()).isEqualTo(200);
        }
        assertThat(Files.readString(log)).as("the job ran again after the restart").contains("Audio job " + jobId);
    }

    /** Polls until the job runs with some progress (decoded, being recognised) or has finished. */
    private JsonNode awaitRecognising(ChildProcessApp app, String jobId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(180);
        JsonNode job = get(app, "/v1/jobs/" + jobId);
        while (Instant.now().isBefore(deadline)) {
            job = get(app, "/v1/jobs/" + jobId);
            String status = job.get("status").asText();
            if ((status.equals("running") && job.get("progress").asDouble() > 0) || status.equals("succeeded")
                    || status.equals("failed")) {
                return job;
            }
            Thread.sleep(20);
        }
        return job;
    }

    /** Polls until the job reaches {@code wanted} or finishes; returns the status seen last. */
    private String awaitStatus(ChildProcessApp app, String jobId, String wanted) throws Exception {
        Instant deadline = Instant.now().plusSeconds(180);
        String status = "";
        while (Instant.now().isBefore(deadline)) {
            status = get(app, "/v1/jobs/" + jobId).get("status").asText();
            if (status.equals(wanted) || status.equals("succeeded") || status.equals("failed")) {
                return status;
            }
            Thread.sleep(50);
        }
        return status;
    }

    private JsonNode get(ChildProcessApp app, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(app, path).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpRequest.Builder request(ChildProcessApp app, String path) {
        return HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ChildProcessApp.KEY);
    }

    private HttpResponse<String> upload(ChildProcessApp app, Path audio) throws IOException, InterruptedException {
        String boundary = "crash-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"async\"\r\n\r\ntrue\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"specialty\"\r\n\r\nnurse_practitioner\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"audio\"; filename=\"visit.ogg\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(audio));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(request(app, "/v1/note/audio")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
