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
import org.springframework.test.context.TestPropertySource;

/**
 * POST /v1/note against a replayed OpenAI-compatible server (vLLM, Ollama, LM Studio, a gateway):
 * {@code POST {base}/chat/completions} with a bearer key and the model name in the body.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.org.chartscribe=TRACE", "logging.level.dev.langchain4j=TRACE"})
class LlmEngineOpenAiCompatibleIT extends AppTestBase {
    static final WireMockServer SERVER = LlmReplays.start();
    static final String KEY = "sk-local-7d1f3a5c9e2b4d6f8a0c1e3f5a7b9c2d";
    static final String TRANSCRIPT = ModelAnswers.lowBackPainTranscript();

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("chartscribe.llm.provider", () -> "openai-compatible");
        registry.add("chartscribe.llm.endpoint", () -> "http://127.0.0.1:" + SERVER.port() + "/v1");
        registry.add("chartscribe.llm.api-key", () -> KEY);
        registry.add("chartscribe.llm.model", () -> "llama-3.1-70b-instruct");
        registry.add("chartscribe.llm.timeout", () -> "2s");
        // one attempt per call and no breaker here: these tests are about single answers (LlmResilienceIT covers both)
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

    private static MappingBuilder chat() {
        return post(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer " + KEY));
    }

    private Http.Response note(String engine) {
        return http().postJson("/v1/note", KEY_A, Http.json(Map.of("transcript", TRANSCRIPT,
                "specialty", "nurse_practitioner", "engine", engine)));
    }

    @Test
    void engineLlmWritesTheNoteFromTheCompatibleServer() {
        SERVER.stubFor(chat().willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(LlmReplays.completion(ModelAnswers.lowBackPain()))));

        Http.Response r = note("llm");
        assertThat(r.status()).isEqualTo(200);
        JsonNode note = r.json();
        assertThat(note.get("engine").get("name").asText()).isEqualTo("llm");
        assertThat(note.get("engine").get("version").asText()).isEqualTo("llama-3.1-70b-instruct");
        assertThat(note.get("warnings")).isEmpty();
        assertThat(note.get("sections").get("plan").get(1).get("heading").asText()).isEqualTo("Referrals");

        SERVER.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("llama-3.1-70b-instruct")))
                .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.0")))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("soap_note"))));
    }

    @Test
    void eachCallIsCountedInTheMetricsWithTheProvidersTokenCounts() {
        SERVER.stubFor(chat().willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(LlmReplays.completion(ModelAnswers.lowBackPain()))));
        double inputBefore = metric("chartscribe_llm_tokens_total{direction=\"input\"");
        double outputBefore = metric("chartscribe_llm_tokens_total{direction=\"output\"");
        double callsBefore = metric("chartscribe_llm_calls_seconds_count{mode=\"plain\",outcome=\"stop\"");

        assertThat(note("llm").status()).isEqualTo(200);

        // the replayed answer reports 1,200 prompt and 450 completion tokens
        assertThat(metric("chartscribe_llm_tokens_total{direction=\"input\"") - inputBefore).isEqualTo(1200);
        assertThat(metric("chartscribe_llm_tokens_total{direction=\"output\"") - outputBefore).isEqualTo(450);
        assertThat(metric("chartscribe_llm_calls_seconds_count{mode=\"plain\",outcome=\"stop\"") - callsBefore).isEqualTo(1);
    }

    /** The value of the first Prometheus sample whose line starts with {@code prefix}, 0 when absent. */
    private double metric(String prefix) {
        Http.Response metrics = http().get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        return metrics.body().lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    @Test
    void rateLimitingIs503WithRetryAfterAndAutoFallsBack() {
        SERVER.stubFor(chat().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")));

        Http.Response llm = note("llm");
        assertThat(llm.status()).isEqualTo(503);
        assertThat(llm.json().get("code").asText()).isEqualTo("ENGINE_UNAVAILABLE");
        assertThat(llm.header("Retry-After")).isEqualTo("7");

        Http.Response auto = note("auto");
        assertThat(auto.status()).isEqualTo(200);
        assertThat(auto.json().get("engine").get("name").asText()).isEqualTo("embedded");
        assertThat(auto.json().get("warnings").get(0).get("code").asText()).isEqualTo("LLM_FALLBACK");
        SERVER.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIs503() {
        SERVER.stubFor(chat().willReturn(aResponse().withStatus(200).withFixedDelay(6_000)
                .withBody(LlmReplays.completion(ModelAnswers.lowBackPain()))));
        Http.Response r = note("llm");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("detail").asText()).contains("timeout");
    }

    @Test
    void neitherTheTranscriptNorTheKeyReachesTheLogs(CapturedOutput output) {
        String canary = "CANARY-OPENAI-PATIENT-Jw84Tn";
        SERVER.stubFor(chat().willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(LlmReplays.completion(ModelAnswers.lowBackPain().replace("heating pad", "heating pad " + canary)))));
        Map<String, Object> body = Map.of("transcript", TRANSCRIPT + "\nPatient: I am " + canary + ".", "engine", "llm");
        assertThat(http().postJson("/v1/note", KEY_A, Http.json(body)).status()).isEqualTo(200);
        SERVER.resetAll();
        SERVER.stubFor(chat().willReturn(aResponse().withStatus(400).withBody("{\"error\":{\"message\":\"" + canary + "\"}}")));
        assertThat(http().postJson("/v1/note", KEY_A, Http.json(body)).status()).isEqualTo(502);

        assertThat(output.getAll()).contains("LLM call").doesNotContain(canary).doesNotContain(KEY);
    }
}
