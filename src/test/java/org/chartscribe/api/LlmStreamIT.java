package org.chartscribe.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chartscribe.note.llm.ModelAnswers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * POST /v1/stream/note with the LLM engine against a replayed OpenAI-compatible server streaming its
 * answer in chunks ({@code data: {chunk}} ... {@code data: [DONE]}), read by a real SSE client. The
 * reader hanging up is LlmStreamCancelIT.
 */
@TestPropertySource(properties = "chartscribe.stream.heartbeat=100ms")
class LlmStreamIT extends AppTestBase {
    static final WireMockServer SERVER = LlmReplays.start();
    static final String TRANSCRIPT = ModelAnswers.lowBackPainTranscript();
    static final String PATH = "/v1/chat/completions";

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("chartscribe.llm.provider", () -> "openai-compatible");
        registry.add("chartscribe.llm.endpoint", () -> "http://127.0.0.1:" + SERVER.port() + "/v1");
        registry.add("chartscribe.llm.model", () -> "stream-model");
        registry.add("chartscribe.llm.timeout", () -> "10s");
        registry.add("chartscribe.llm.max-retries", () -> "0");
        registry.add("chartscribe.llm.breaker-window", () -> "1000");
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @BeforeEach
    void reset() {
        SERVER.resetAll();
    }

    private SseClient.Result stream(String engine) {
        return SseClient.read(SseClient.post(port, KEY_A, Http.json(Map.of("transcript", TRANSCRIPT,
                "specialty", "nurse_practitioner", "engine", engine))));
    }

    private static void answerStreamed(String content, int dribbleMs) {
        String body = LlmReplays.streamed(content);
        var response = aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
        if (dribbleMs > 0) {
            response = response.withChunkedDribbleDelay(40, dribbleMs);
        }
        SERVER.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(response));
    }

    @Test
    void theModelsStreamedAnswerArrivesAsSectionEventsThenTheCheckedNote() {
        answerStreamed(ModelAnswers.lowBackPain(), 1_500);

        SseClient.Result r = stream("llm");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/event-stream");
        assertThat(r.comments()).as("heartbeats while the model writes").contains("keep-alive");
        assertThat(r.named("section_done").stream().map(e -> e.json().get("section").asText()))
                .containsExactly("subjective", "objective", "assessment", "plan");
        assertThat(r.last().name()).isEqualTo("done");
        JsonNode done = r.last().json();
        assertThat(done.get("engine").get("name").asText()).isEqualTo("llm");
        assertThat(done.get("engine").get("version").asText()).isEqualTo("stream-model");

        Map<String, StringBuilder> text = new LinkedHashMap<>();
        int sectionEvents = 0;
        for (SseClient.Event e : r.named("section")) {
            sectionEvents++;
            text.computeIfAbsent(e.json().get("section").asText(), p -> new StringBuilder()).append(e.json().get("delta").asText());
        }
        assertThat(sectionEvents).as("one delta per headed section, not one per division").isGreaterThan(4);
        for (String part : List.of("subjective", "objective", "assessment", "plan")) {
            assertThat(text.get(part).toString()).as(part).isEqualTo(done.get(part).asText());
        }
        assertThat(http().get("/v1/note/" + done.get("noteId").asText(), KEY_A).json()).isEqualTo(done);
        SERVER.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.stream", equalTo("true"))));
    }

    @Test
    void inventedFactsInAStreamedAnswerAreFlaggedInTheDoneNote() {
        answerStreamed(ModelAnswers.lowBackPainWithInventions(), 0);
        SseClient.Result r = stream("llm");
        JsonNode warnings = r.last().json().get("warnings");
        assertThat(warnings.findValuesAsText("code")).contains("UNSUPPORTED_FACT");
    }

    @Test
    void aProviderFailureIsAnErrorEventForLlmAndAFallbackForAuto() {
        SERVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":{\"message\":\"The server had an error\"}}")));

        SseClient.Result llm = stream("llm");
        assertThat(llm.status()).isEqualTo(200);
        assertThat(llm.last().name()).isEqualTo("error");
        JsonNode problem = llm.last().json();
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("code").asText()).isEqualTo("ENGINE_UNAVAILABLE");
        assertThat(problem.get("detail").asText()).contains("HTTP 500");
        assertThat(llm.named("done")).isEmpty();

        SseClient.Result auto = stream("auto");
        assertThat(auto.last().name()).isEqualTo("done");
        assertThat(auto.last().json().get("engine").get("name").asText()).isEqualTo("embedded");
        assertThat(auto.last().json().get("warnings").get(0).get("code").asText()).isEqualTo("LLM_FALLBACK");
        assertThat(auto.named("section_done")).hasSize(4);
    }

    @Test
    void anUnusableAnswerIsA502ErrorEvent() {
        answerStreamed("I'm sorry, I can't produce that note.", 0);
        SseClient.Result r = stream("llm");
        assertThat(r.last().name()).isEqualTo("error");
        assertThat(r.last().json().get("code").asText()).isEqualTo("UPSTREAM_ERROR");
        assertThat(r.last().json().get("status").asInt()).isEqualTo(502);
    }
}
