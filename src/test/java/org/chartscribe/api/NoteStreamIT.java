package org.chartscribe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chartscribe.note.llm.ModelAnswers;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * POST /v1/stream/note on the embedded engine, read over real HTTP as server-sent events: the contract's
 * events in order, the note stored as /v1/note stores it, Idempotency-Key, bad input as problem+json
 * before the stream starts, and 200 streams at once.
 */
// 200 requests start at once from this one address: room for all of them while their requests are read
// (an open stream no longer counts as in flight: see TrafficFilter and its async dispatch)
@TestPropertySource(properties = {"chartscribe.traffic.max-in-flight=256", "chartscribe.traffic.max-in-flight-per-address=256"})
class NoteStreamIT extends AppTestBase {
    static final String TRANSCRIPT = ModelAnswers.lowBackPainTranscript();
    static final List<String> PARTS = List.of("subjective", "objective", "assessment", "plan");

    private HttpRequest stream(Map<String, Object> body) {
        return SseClient.post(port, KEY_A, Http.json(body));
    }

    private static Map<String, Object> body(Object... extra) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("transcript", TRANSCRIPT, "specialty", "nurse_practitioner"));
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    @Test
    void theEmbeddedEngineStreamsItsSectionsInOrderThenTheStoredNote() {
        SseClient.Result r = SseClient.read(stream(body("engine", "embedded")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/event-stream");

        List<String> order = new ArrayList<>();
        Map<String, StringBuilder> text = new LinkedHashMap<>();
        for (SseClient.Event e : r.events()) {
            if (e.name().equals("section")) {
                String part = e.json().get("section").asText();
                assertThat(order).as("no section after its section_done").doesNotContain(part + ":done");
                text.computeIfAbsent(part, p -> new StringBuilder()).append(e.json().get("delta").asText());
            } else if (e.name().equals("section_done")) {
                order.add(e.json().get("section").asText() + ":done");
            }
        }
        assertThat(order).containsExactly("subjective:done", "objective:done", "assessment:done", "plan:done");
        assertThat(r.named("billing_codes")).isEmpty();
        assertThat(r.last().name()).isEqualTo("done");

        JsonNode done = r.last().json();
        for (String part : PARTS) {
            assertThat(text.getOrDefault(part, new StringBuilder()).toString()).as(part).isEqualTo(done.get(part).asText());
        }
        assertThat(done.get("subjective").asText()).isNotBlank();
        assertThat(done.get("engine").get("name").asText()).isEqualTo("embedded");
        Http.Response stored = http().get("/v1/note/" + done.get("noteId").asText(), KEY_A);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json()).isEqualTo(done);
        assertThat(http().get("/v1/note/" + done.get("noteId").asText(), KEY_B).status()).isEqualTo(404);
    }

    @Test
    void billingCodesComeAsTheirOwnEventBeforeDone() {
        SseClient.Result r = SseClient.read(stream(body("include_billing_codes", true)));
        assertThat(r.status()).isEqualTo(200);
        List<String> names = r.events().stream().map(SseClient.Event::name).toList();
        assertThat(names.subList(names.size() - 2, names.size())).containsExactly("billing_codes", "done");
        assertThat(r.named("billing_codes").get(0).json()).isEqualTo(r.last().json().get("billing_codes"));
        assertThat(r.named("billing_codes").get(0).json().get("icd10")).isNotEmpty();
    }

    @Test
    void anIdempotencyKeyReplaysTheSameNoteAndRefusesAnotherBody() {
        String key = "stream-idem-" + System.nanoTime();
        HttpRequest first = HttpRequest.newBuilder(stream(body()).uri()).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + KEY_A).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(Http.json(body()))).build();
        SseClient.Result a = SseClient.read(first);
        SseClient.Result b = SseClient.read(first);
        assertThat(b.last().json().get("noteId")).isEqualTo(a.last().json().get("noteId"));
        assertThat(b.named("section_done")).hasSize(4);

        HttpRequest other = HttpRequest.newBuilder(first.uri()).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + KEY_A).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(Http.json(body("template", "brief")))).build();
        SseClient.Result conflict = SseClient.read(other);
        assertThat(conflict.status()).isEqualTo(200);
        assertThat(conflict.last().name()).isEqualTo("error");
        assertThat(conflict.last().json().get("code").asText()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void badInputIsAnOrdinaryProblemBeforeTheStreamStarts() {
        problem(SseClient.read(SseClient.post(port, null, Http.json(body()))), 401, "AUTHENTICATION_ERROR");
        problem(SseClient.read(SseClient.post(port, "cs_not_a_key", Http.json(body()))), 401, "AUTHENTICATION_ERROR");
        problem(SseClient.read(SseClient.post(port, KEY_A, "{\"transcript\": ")), 400, "VALIDATION_ERROR");
        problem(SseClient.read(SseClient.post(port, KEY_A, Http.json(Map.of("transcript", "too short")))), 400,
                "VALIDATION_ERROR");
        problem(SseClient.read(SseClient.post(port, KEY_A, Http.json(body("specialty", "astrology")))), 400,
                "VALIDATION_ERROR");
        problem(SseClient.read(SseClient.post(port, KEY_A, Http.json(body("engine", "llm")))), 503, "ENGINE_UNAVAILABLE");
        HttpRequest badKey = HttpRequest.newBuilder(stream(body()).uri()).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + KEY_A).header("Idempotency-Key", "has space")
                .POST(HttpRequest.BodyPublishers.ofString(Http.json(body()))).build();
        problem(SseClient.read(badKey), 400, "VALIDATION_ERROR");
        HttpRequest text = HttpRequest.newBuilder(stream(body()).uri()).header("Content-Type", "text/plain")
                .header("Authorization", "Bearer " + KEY_A).POST(HttpRequest.BodyPublishers.ofString(TRANSCRIPT)).build();
        problem(SseClient.read(text), 415, "UNSUPPORTED_MEDIA_TYPE");
        String huge = "{\"transcript\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        problem(SseClient.read(SseClient.post(port, KEY_A, huge)), 413, "PAYLOAD_TOO_LARGE");
    }

    private static void problem(SseClient.Result r, int status, String code) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode problem;
        try {
            problem = Http.JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(r.body(), e);
        }
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(r.body()).doesNotContain("Doctor:");
    }

    @Test
    void twoHundredStreamsAtOnceAllEndWithTheirNote() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(200);
        try {
            List<Future<SseClient.Result>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                // both tenants' keys: one address, so the per-address in-flight limit is in play too
                String key = i % 2 == 0 ? KEY_A : KEY_B;
                results.add(clients.submit(() -> SseClient.read(SseClient.post(port, key, Http.json(body())))));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (Future<SseClient.Result> f : results) {
                SseClient.Result r = f.get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.last().name()).isEqualTo("done");
                assertThat(r.named("section_done")).hasSize(4);
                ids.add(r.last().json().get("noteId").asText());
            }
            assertThat(ids).hasSize(200);
        } finally {
            clients.shutdownNow();
        }
    }
}
