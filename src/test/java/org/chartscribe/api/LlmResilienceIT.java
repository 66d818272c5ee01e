package org.chartscribe.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.Map;
import org.chartscribe.note.llm.ModelAnswers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Retries against a replayed OpenAI-compatible server: a 429 is retried after its {@code Retry-After},
 * failures are retried a bounded number of times, a {@code Retry-After} beyond what is honoured and the
 * request's deadline end the attempts. The breaker is kept out of the way here (LlmCircuitBreakerIT).
 */
@ExtendWith(OutputCaptureExtension.class)
class LlmResilienceIT extends AppTestBase {
    static final WireMockServer SERVER = LlmReplays.start();
    static final String KEY = "sk-retry-5e1b7c9d3f2a4b6c8d0e1f3a5b7c9d1e";

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("chartscribe.llm.provider", () -> "openai-compatible");
        registry.add("chartscribe.llm.endpoint", () -> "http://127.0.0.1:" + SERVER.port() + "/v1");
        registry.add("chartscribe.llm.api-key", () -> KEY);
        registry.add("chartscribe.llm.model", () -> "retry-model");
        registry.add("chartscribe.llm.timeout", () -> "3s");
        registry.add("chartscribe.llm.max-retries", () -> "2");
        registry.add("chartscribe.llm.retry-backoff", () -> "50ms");
        registry.add("chartscribe.llm.retry-after-max", () -> "3s");
        registry.add("chartscribe.llm.deadline", () -> "4s");
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

    private static MappingBuilder chat() {
        return post(urlEqualTo("/v1/chat/completions"));
    }

    private Http.Response note(String engine) {
        return http().postJson("/v1/note", KEY_A, Http.json(Map.of("transcript", ModelAnswers.lowBackPainTranscript(),
                "specialty", "nurse_practitioner", "engine", engine)));
    }

    @Test
    void a429IsRetriedAfterTheProvidersRetryAfter() {
        SERVER.stubFor(chat().inScenario("429").whenScenarioStateIs(STARTED).willSetStateTo("retried")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"code\":\"rate_limit_exceeded\"}}")));
        SERVER.stubFor(chat().inScenario("429").whenScenarioStateIs("retried")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(LlmReplays.completion(ModelAnswers.lowBackPain()))));

        long started = System.nanoTime();
        Http.Response r = note("llm");
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("engine").get("name").asText()).isEqualTo("llm");
        SERVER.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        var requests = SERVER.getAllServeEvents();
        long gapMs = Math.abs(requests.get(0).getRequest().getLoggedDate().getTime()
                - requests.get(1).getRequest().getLoggedDate().getTime());
        assertThat(gapMs).as("the second attempt waited for Retry-After").isGreaterThanOrEqualTo(1_900);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(2_000);
    }

    @Test
    void aStreamed429IsRetriedAfterTheProvidersRetryAfterToo() {
        // langchain4j's streaming client drops the headers of a refusal; ours keeps Retry-After
        SERVER.stubFor(chat().inScenario("429s").whenScenarioStateIs(STARTED).willSetStateTo("retried")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"code\":\"rate_limit_exceeded\"}}")));
        SERVER.stubFor(chat().inScenario("429s").whenScenarioStateIs("retried")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(LlmReplays.streamed(ModelAnswers.lowBackPain()))));

        SseClient.Result r = SseClient.read(SseClient.post(port, KEY_A, Http.json(Map.of("transcript",
                ModelAnswers.lowBackPainTranscript(), "specialty", "nurse_practitioner", "engine", "llm"))));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.last().name()).as(r.body()).isEqualTo("done");
        assertThat(r.last().json().get("engine").get("name").asText()).isEqualTo("llm");
        SERVER.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true"))));
        var requests = SERVER.getAllServeEvents();
        long gapMs = Math.abs(requests.get(0).getRequest().getLoggedDate().getTime()
                - requests.get(1).getRequest().getLoggedDate().getTime());
        assertThat(gapMs).as("the second attempt waited for Retry-After, not the 50 ms backoff")
                .isGreaterThanOrEqualTo(1_900);
    }

    @Test
    void failuresAreRetriedABoundedNumberOfTimesThenLlmIs503AndAutoFallsBack() {
        SERVER.stubFor(chat().willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"boom\"}}")));

        Http.Response llm = note("llm");
        assertThat(llm.status()).isEqualTo(503);
        assertThat(llm.contentType()).startsWith("application/problem+json");
        assertThat(llm.json().get("code").asText()).isEqualTo("ENGINE_UNAVAILABLE");
        assertThat(llm.json().get("detail").asText()).contains("HTTP 500");
        SERVER.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions")));

        Http.Response auto = note("auto");
        assertThat(auto.status()).isEqualTo(200);
        assertThat(auto.json().get("engine").get("name").asText()).isEqualTo("embedded");
        assertThat(auto.json().get("warnings").get(0).get("code").asText()).isEqualTo("LLM_FALLBACK");
        SERVER.verify(6, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void aRetryAfterLongerThanHonouredEndsTheAttemptsAndIsPassedOn() {
        SERVER.stubFor(chat().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\"}}")));

        Http.Response llm = note("llm");
        assertThat(llm.status()).isEqualTo(503);
        assertThat(llm.header("Retry-After")).isEqualTo("30");
        SERVER.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void noRetryStartsAfterTheDeadline() {
        // each attempt times out after 3 s; the 4 s deadline leaves no room for a third
        SERVER.stubFor(chat().willReturn(aResponse().withStatus(200).withFixedDelay(5_000)
                .withBody(LlmReplays.completion(ModelAnswers.lowBackPain()))));

        long started = System.nanoTime();
        Http.Response llm = note("llm");
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(llm.status()).isEqualTo(503);
        assertThat(llm.json().get("detail").asText()).contains("timeout");
        assertThat(elapsedMs).isLessThan(7_500);
        assertThat(SERVER.countRequestsMatching(postRequestedFor(urlEqualTo("/v1/chat/completions")).build()).getCount())
                .isEqualTo(2);
    }

    @Test
    void aRefusalIsNotRetriedAndIs502(CapturedOutput output) {
        SERVER.stubFor(chat().willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"bad request " + KEY + "\"}}")));

        Http.Response llm = note("llm");
        assertThat(llm.status()).isEqualTo(502);
        assertThat(llm.json().get("code").asText()).isEqualTo("UPSTREAM_ERROR");
        assertThat(llm.body()).doesNotContain(KEY).doesNotContain("bad request");
        SERVER.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        assertThat(output.getAll()).doesNotContain(KEY);
    }
}
