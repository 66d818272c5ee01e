package org.chartscribe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.chartscribe.audio.AudioJobSubmitter;
import org.chartscribe.audio.AudioNoteOptions;
import org.chartscribe.audio.AudioNotePipeline;
import org.chartscribe.audio.WebhookUrlRejected;
import org.chartscribe.jobs.AudioJobStore;
import org.chartscribe.jobs.WebhookSignature;
import org.chartscribe.note.EngineChoice;
import org.chartscribe.note.NoteService;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Template;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Audio jobs and webhooks over the real application, once per database (H2, PostgreSQL). The speech
 * half is {@link ScriptedPipeline}; everything else (db-scheduler, sealed recording, job table, GET
 * /v1/jobs, signed deliveries with retries and their log) is real. The webhook receiver is a JDK
 * HttpServer on loopback, hence {@code CHARTSCRIBE_WEBHOOK_ALLOW_PRIVATE=true} here.
 */
abstract class AudioJobsContract extends AppTestBase {
    static final String SECRET_A = "whsec_test_tenant_a_0123456789abcdef";
    /** One per test class: both database variants run in one JVM. */
    static Receiver RECEIVER;

    @TestConfiguration
    static class Scripted {
        @Bean
        @Primary
        ScriptedPipeline scriptedPipeline(NoteService notes) {
            return new ScriptedPipeline(notes);
        }
    }

    @DynamicPropertySource
    static void jobProperties(DynamicPropertyRegistry registry) {
        registry.add("chartscribe.webhook.allow-private", () -> "true");
        registry.add("chartscribe.webhook.first-retry", () -> "300ms");
        registry.add("chartscribe.webhook.max-attempts", () -> "4");
        registry.add("chartscribe.bootstrap-webhook-secrets", () -> "tenant-a:" + SECRET_A);
        registry.add("db-scheduler.polling-interval", () -> "200ms");
    }

    @Autowired
    AudioJobSubmitter submitter;
    @Autowired
    AudioNotePipeline pipeline;
    @Autowired
    AudioJobStore jobStore;
    @Autowired
    JdbcClient jdbc;

    static AudioNoteOptions options() {
        return new AudioNoteOptions(Specialties.byId("nurse_practitioner").orElseThrow(), Template.STANDARD, false,
                EngineChoice.EMBEDDED);
    }

    ScriptedPipeline scripted() {
        return (ScriptedPipeline) pipeline;
    }

    @BeforeAll
    static void startReceiver() {
        RECEIVER = new Receiver();
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop();
    }

    @Test
    void aJobRunsOnceToANoteTheTenantCanReadAndItsRecordingIsShredded() {
        String label = "plain-" + System.nanoTime();
        String jobId = submitter.submit("tenant-a", ScriptedPipeline.recording(label, Fixtures.lowBackPain()), options(),
                Optional.empty()).jobId();
        assertThat(jobId).matches("job_[0-9A-Z]{26}");

        JsonNode job = awaitFinished(jobId, KEY_A);
        assertThat(job.get("status").asText()).isEqualTo("succeeded");
        assertThat(job.get("progress").asDouble()).isEqualTo(1.0);
        String noteId = job.get("noteId").asText();
        assertThat(http().get("/v1/note/" + noteId, KEY_A).status()).isEqualTo(200);
        assertThat(scripted().runs.get(label).get()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audio_chunks WHERE job_id = ?").param(jobId).query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audio_jobs WHERE job_id = ? AND key_slot IS NULL").param(jobId)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(job.has("error")).isFalse();
    }

    @Test
    void anotherTenantsJobAMalformedIdAndNoKeyAreProblems() {
        String jobId = submitter.submit("tenant-a", ScriptedPipeline.recording("other-" + System.nanoTime(),
                Fixtures.lowBackPain()), options(), Optional.empty()).jobId();
        Http.Response other = http().get("/v1/jobs/" + jobId, KEY_B);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(http().get("/v1/jobs/not-a-job", KEY_A).status()).isEqualTo(404);
        assertThat(http().get("/v1/jobs/job_00000000000000000000000000", KEY_A).status()).isEqualTo(404);
        assertThat(http().get("/v1/jobs/" + jobId, null).status()).isEqualTo(401);
    }

    @Test
    void progressIsReportedWhileTheJobRuns() {
        String label = "slow-" + System.nanoTime();
        String jobId = submitter.submit("tenant-a", ScriptedPipeline.recording(label, Fixtures.lowBackPain()), options(),
                Optional.empty()).jobId();
        double seen = 0;
        boolean sawIntermediate = false;
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = http().get("/v1/jobs/" + jobId, KEY_A).json();
            double progress = job.get("progress").asDouble();
            assertThat(progress).as("progress never falls").isGreaterThanOrEqualTo(seen);
            seen = progress;
            if (job.get("status").asText().equals("succeeded")) {
                break;
            }
            sawIntermediate |= job.get("status").asText().equals("running") && progress > 0 && progress < 1;
            pause(50);
        }
        assertThat(seen).isEqualTo(1.0);
        assertThat(sawIntermediate).as("a value between 0 and 1 was seen while the job ran").isTrue();
        assertThat(scripted().runs.get(label).get()).isEqualTo(1);
    }

    @Test
    void aRejectedRecordingFailsTheJobWithACodeAndNoContent() {
        String jobId = submitter.submit("tenant-a", ScriptedPipeline.recording("reject-" + System.nanoTime(),
                "REJECT"), options(), Optional.empty()).jobId();
        JsonNode job = awaitFinished(jobId, KEY_A);
        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("error").get("code").asText()).isEqualTo("UNPROCESSABLE_CONTENT");
        assertThat(job.get("error").get("message").asText()).isEqualTo("No speech was recognised in the recording.");
        assertThat(job.has("noteId")).isFalse();
    }

    @Test
    void theWebhookIsSignedRetriedAfter500sAndLoggedWithoutBody() throws Exception {
        String path = "/hook-" + System.nanoTime();
        RECEIVER.answer(path, 500, 500, 200);
        String jobId = submitter.submit("tenant-a", ScriptedPipeline.recording("hook-" + System.nanoTime(),
                Fixtures.lowBackPain()), options(), Optional.of(RECEIVER.url(path))).jobId();
        JsonNode job = awaitFinished(jobId, KEY_A);

        List<AudioJobStore.Delivery> log = awaitDeliveries("tenant-a", jobId, 3);
        assertThat(log).extracting(AudioJobStore.Delivery::attempt).containsExactly(1, 2, 3);
        assertThat(log).extracting(AudioJobStore.Delivery::statusCode).containsExactly(500, 500, 200);
        assertThat(log).extracting(AudioJobStore.Delivery::outcome).containsExactly("http_error", "http_error", "delivered");
        assertThat(log).extracting(AudioJobStore.Delivery::eventType).containsOnly("note.generated");
        assertThat(Duration.between(log.get(0).attemptedAt(), log.get(1).attemptedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(200));

        List<Receiver.Hit> hits = RECEIVER.hits(path);
        assertThat(hits).hasSize(3);
        for (Receiver.Hit hit : hits) {
            // verified as a receiver would: recompute the HMAC over t + "." + the raw body
            String[] parts = hit.signature().split(",");
            assertThat(parts[0]).startsWith("t=");
            assertThat(parts[1]).startsWith("v1=");
            long t = Long.parseLong(parts[0].substring(2));
            assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(300);
            assertThat(parts[1].substring(3)).isEqualTo(WebhookSignature.hmac(SECRET_A, t, hit.body()));
            assertThat(WebhookSignature.hmac("another-secret-entirely", t, hit.body())).isNotEqualTo(parts[1].substring(3));
            JsonNode body = Http.JSON.readTree(hit.body());
            assertThat(body.get("type").asText()).isEqualTo("note.generated");
            assertThat(body.get("data").get("jobId").asText()).isEqualTo(jobId);
            assertThat(body.get("data").get("noteId").asText()).isEqualTo(job.get("noteId").asText());
            assertThat(body.get("data").get("status").asText()).isEqualTo("succeeded");
            // ids only: no note text travels to the receiver
            assertThat(body.get("data").has("subjective")).isFalse();
        }
    }

    @Test
    void aFailedJobSendsNoteFailed() throws Exception {
        String path = "/failed-" + System.nanoTime();
        RECEIVER.answer(path, 204);
        String jobId = submitter.submit("tenant-a", ScriptedPipeline.recording("failhook-" + System.nanoTime(),
                "REJECT"), options(), Optional.of(RECEIVER.url(path))).jobId();
        awaitFinished(jobId, KEY_A);
        awaitDeliveries("tenant-a", jobId, 1);
        JsonNode body = Http.JSON.readTree(RECEIVER.hits(path).get(0).body());
        assertThat(body.get("type").asText()).isEqualTo("note.failed");
        assertThat(body.get("data").get("error").get("code").asText()).isEqualTo("UNPROCESSABLE_CONTENT");
    }

    @Test
    void aWebhookForATenantWithoutASecretIsRefusedBeforeQueueing() {
        assertThatThrownBy(() -> submitter.submit("tenant-b", ScriptedPipeline.recording("nosecret", "x"), options(),
                Optional.of(RECEIVER.url("/x")))).isInstanceOf(WebhookUrlRejected.class).hasMessageContaining("secret");
        assertThatThrownBy(() -> submitter.submit("tenant-a", ScriptedPipeline.recording("ftp", "x"), options(),
                Optional.of(URI.create("ftp://example.org/x")))).isInstanceOf(WebhookUrlRejected.class);
    }

    List<AudioJobStore.Delivery> awaitDeliveries(String tenant, String jobId, int count) {
        // generous: on a loaded 2-core CI machine the scheduler's two threads may be busy with other tests' jobs
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            List<AudioJobStore.Delivery> log = jobStore.deliveries(tenant, jobId);
            if (log.size() >= count) {
                pause(500); // no more tries follow a delivered one
                return jobStore.deliveries(tenant, jobId);
            }
            pause(100);
        }
        throw new AssertionError("fewer than " + count + " deliveries logged");
    }

    JsonNode awaitFinished(String jobId, String key) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Http.Response response = http().get("/v1/jobs/" + jobId, key);
            assertThat(response.status()).isEqualTo(200);
            JsonNode job = response.json();
            String status = job.get("status").asText();
            assertThat(status).isIn("queued", "running", "succeeded", "failed");
            if (status.equals("succeeded") || status.equals("failed")) {
                return job;
            }
            pause(100);
        }
        throw new AssertionError("job did not finish in time");
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A webhook receiver: answers each path with a scripted list of status codes, keeps bodies and signatures. */
    static final class Receiver {
        record Hit(String signature, byte[] body) {}

        private final HttpServer server;
        private final java.util.Map<String, ConcurrentLinkedQueue<Integer>> answers = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Map<String, List<Hit>> hits = new java.util.concurrent.ConcurrentHashMap<>();
        private final AtomicInteger count = new AtomicInteger();

        Receiver() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                byte[] body = exchange.getRequestBody().readAllBytes();
                hits.computeIfAbsent(path, p -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(new Hit(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body));
                count.incrementAndGet();
                ConcurrentLinkedQueue<Integer> queue = answers.get(path);
                Integer status = queue == null ? null : queue.poll();
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
                exchange.close();
            });
            server.start();
        }

        void answer(String path, Integer... statuses) {
            answers.put(path, new ConcurrentLinkedQueue<>(List.of(statuses)));
        }

        URI url(String path) {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        }

        List<Hit> hits(String path) {
            return hits.getOrDefault(path, List.of());
        }

        void stop() {
            server.stop(0);
        }
    }
}
