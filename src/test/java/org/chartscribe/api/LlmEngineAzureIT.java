package org.chartscribe.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * POST /v1/note against a replayed Azure OpenAI deployment (the {@code api-key} header,
 * {@code /openai/deployments/{name}/chat/completions?api-version=...}), through the real provider client.
 * The provider clients log at DEBUG here, so the PHI test sees whatever they would print.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "logging.level.org.chartscribe=TRACE",
        "logging.level.com.azure=DEBUG",
        "logging.level.dev.langchain4j=DEBUG",
        "logging.level.reactor.netty=DEBUG",
        "logging.level.org.springframework.web=DEBUG"})
class LlmEngineAzureIT extends AppTestBase {
    static final WireMockServer AZURE = LlmReplays.start();
    static final String KEY = "azure-key-0f3c9b7e1d2a4c6e8f0a2b4c6d8e0f1a";
    static final String PATH = "/openai/deployments/notes-gpt/chat/completions";
    static final String API_VERSION = "2025-01-01-preview";
    static final String TRANSCRIPT = ModelAnswers.lowBackPainTranscript();

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("chartscribe.llm.provider", () -> "azure-openai");
        registry.add("chartscribe.llm.endpoint", () -> "http://localhost:" + AZURE.port());
        registry.add("chartscribe.llm.api-key", () -> KEY);
        registry.add("chartscribe.llm.model", () -> "notes-gpt");
        registry.add("chartscribe.llm.timeout", () -> "2s");
        // one attempt per call and no breaker here: these tests are about single answers (LlmResilienceIT covers both)
        registry.add("chartscribe.llm.max-retries", () -> "0");
        registry.add("chartscribe.llm.breaker-window", () -> "1000");
        registry.add("chartscribe.llm.context-tokens", () -> "20000");
        registry.add("chartscribe.llm.max-output-tokens", () -> "2000");
    }

    @AfterAll
    static void stop() {
        AZURE.stop();
    }

    @BeforeEach
    void reset() {
        AZURE.resetAll();
    }

    private static MappingBuilder chat() {
        return post(urlPathEqualTo(PATH)).withQueryParam("api-version", equalTo(API_VERSION))
                .withHeader("api-key", equalTo(KEY));
    }

    private static ResponseDefinitionBuilder answer(String content) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(LlmReplays.completion(content));
    }

    private Http.Response note(String engine, boolean codes, String transcript) {
        Map<String, Object> body = new HashMap<>();
        body.put("transcript", transcript);
        body.put("specialty", "nurse_practitioner");
        body.put("engine", engine);
        body.put("include_billing_codes", codes);
        return http().postJson("/v1/note", KEY_A, Http.json(body));
    }

    private static List<String> codes(JsonNode warnings) {
        List<String> out = new ArrayList<>();
        warnings.forEach(w -> out.add(w.get("code").asText()));
        return out;
    }

    @Test
    void engineLlmWritesTheNoteFromTheDeployment() {
        AZURE.stubFor(chat().willReturn(answer(ModelAnswers.lowBackPain())));

        Http.Response r = note("llm", false, TRANSCRIPT);
        assertThat(r.status()).isEqualTo(200);
        JsonNode note = r.json();
        assertThat(note.get("engine").get("name").asText()).isEqualTo("llm");
        assertThat(note.get("engine").get("version").asText()).isEqualTo("notes-gpt");
        assertThat(note.get("warnings")).isEmpty();
        assertThat(note.get("objective").asText()).contains("Vital Signs:\nBP 128/82, HR 76.");
        JsonNode vitals = note.get("sections").get("objective").get(0);
        int start = vitals.get("evidence").get(0).get("start").asInt();
        int end = vitals.get("evidence").get(0).get("end").asInt();
        assertThat(TRANSCRIPT.substring(start, end)).isEqualTo("Your blood pressure is 128/82 and your heart rate is 76.");

        // what went over the wire: temperature 0, the token limit, a strict JSON schema, the transcript once
        AZURE.verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.0")))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("2000")))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("Straight leg raise"))));
    }

    @Test
    void theDeploymentsStreamedAnswerIsStreamedAsSectionEvents() {
        AZURE.stubFor(chat().withRequestBody(matchingJsonPath("$.stream", equalTo("true"))).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(LlmReplays.streamed(ModelAnswers.lowBackPain())).withChunkedDribbleDelay(20, 500)));

        SseClient.Result r = SseClient.read(SseClient.post(port, KEY_A, Http.json(Map.of("transcript", TRANSCRIPT,
                "specialty", "nurse_practitioner", "engine", "llm"))));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.named("section_done")).hasSize(4);
        assertThat(r.named("section").size()).isGreaterThan(4);
        assertThat(r.last().name()).isEqualTo("done");
        assertThat(r.last().json().get("engine").get("version").asText()).isEqualTo("notes-gpt");
        AZURE.verify(1, postRequestedFor(urlPathEqualTo(PATH)).withHeader("api-key", equalTo(KEY)));
    }

    @Test
    void engineAutoUsesTheConfiguredLlm() {
        AZURE.stubFor(chat().willReturn(answer(ModelAnswers.lowBackPain())));
        Http.Response r = note("auto", false, TRANSCRIPT);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("engine").get("name").asText()).isEqualTo("llm");
    }

    @Test
    void invalidJsonIsRepairedOnce() {
        AZURE.stubFor(chat().withRequestBody(not(containing("could not be used")))
                .willReturn(answer("Sure! Here is the SOAP note you asked for.")));
        AZURE.stubFor(chat().withRequestBody(containing("could not be used")).willReturn(answer(ModelAnswers.lowBackPain())));

        Http.Response r = note("llm", false, TRANSCRIPT);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("engine").get("name").asText()).isEqualTo("llm");
        AZURE.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void invalidTwiceIs502ForLlmAndAnEmbeddedNoteForAuto() {
        AZURE.stubFor(chat().willReturn(answer("{\"sections\": \"none\"}")));

        Http.Response llm = note("llm", false, TRANSCRIPT);
        assertThat(llm.status()).isEqualTo(502);
        assertThat(llm.contentType()).startsWith("application/problem+json");
        assertThat(llm.json().get("code").asText()).isEqualTo("UPSTREAM_ERROR");
        assertThat(llm.json().get("detail").asText()).contains("repair attempt", "\"sections\" must be an object");

        Http.Response auto = note("auto", false, TRANSCRIPT);
        assertThat(auto.status()).isEqualTo(200);
        assertThat(auto.json().get("engine").get("name").asText()).isEqualTo("embedded");
        assertThat(codes(auto.json().get("warnings"))).contains("LLM_FALLBACK");
        AZURE.verify(4, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void rateLimitingIs503WithTheProvidersRetryAfter() {
        AZURE.stubFor(chat().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "17")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"429\",\"message\":\"Requests to the ChatCompletions_Create Operation "
                        + "have exceeded call rate limit. Please retry after 17 seconds.\"}}")));

        Http.Response r = note("llm", false, TRANSCRIPT);
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("code").asText()).isEqualTo("ENGINE_UNAVAILABLE");
        assertThat(r.json().get("detail").asText()).contains("rate limiting");
        assertThat(r.header("Retry-After")).isEqualTo("17");
        AZURE.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aProviderErrorIs503AndAutoFallsBack() {
        AZURE.stubFor(chat().willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"InternalServerError\",\"message\":\"Backend returned unexpected response.\"}}")));

        Http.Response llm = note("llm", false, TRANSCRIPT);
        assertThat(llm.status()).isEqualTo(503);
        assertThat(llm.json().get("detail").asText()).contains("HTTP 500");
        assertThat(llm.header("Retry-After")).isNull();

        Http.Response auto = note("auto", false, TRANSCRIPT);
        assertThat(auto.status()).isEqualTo(200);
        assertThat(auto.json().get("engine").get("name").asText()).isEqualTo("embedded");
        assertThat(auto.json().get("warnings").get(0).get("text").asText()).contains("HTTP 500");
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeIs503() {
        AZURE.stubFor(chat().willReturn(answer(ModelAnswers.lowBackPain()).withFixedDelay(10_000)));

        long started = System.nanoTime();
        Http.Response r = note("llm", false, TRANSCRIPT);
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("detail").asText()).contains("timeout");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(8_000);
    }

    @Test
    void aContentFilterRefusalIs502() {
        AZURE.stubFor(chat().willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(LlmReplays.contentFilterError())));

        Http.Response r = note("llm", false, TRANSCRIPT);
        assertThat(r.status()).isEqualTo(502);
        assertThat(r.json().get("code").asText()).isEqualTo("UPSTREAM_ERROR");
        assertThat(r.json().get("detail").asText()).doesNotContain("management policy");
    }

    @Test
    void anAnswerWithheldByTheFilterOrCutAtTheTokenLimitIs502WithoutARepair() {
        AZURE.stubFor(chat().willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(LlmReplays.completion("", "content_filter"))));
        Http.Response filtered = note("llm", false, TRANSCRIPT);
        assertThat(filtered.status()).isEqualTo(502);
        assertThat(filtered.json().get("detail").asText()).contains("content filter");

        AZURE.resetAll();
        AZURE.stubFor(chat().willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(LlmReplays.completion(ModelAnswers.lowBackPain().substring(0, 300), "length"))));
        Http.Response cut = note("llm", false, TRANSCRIPT);
        assertThat(cut.status()).isEqualTo(502);
        assertThat(cut.json().get("detail").asText()).contains("CHARTSCRIBE_LLM_MAX_OUTPUT_TOKENS");
        AZURE.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void inventedFactsInTheModelsNoteAreFlagged() {
        AZURE.stubFor(chat().willReturn(answer(ModelAnswers.lowBackPainWithInventions())));

        JsonNode note = note("llm", false, TRANSCRIPT).json();
        List<String> flagged = new ArrayList<>();
        note.get("warnings").forEach(w -> {
            if (w.get("code").asText().equals("UNSUPPORTED_FACT")) {
                flagged.add(w.get("section").asText() + ": " + w.get("text").asText());
            }
        });
        assertThat(flagged).anySatisfy(t -> assertThat(t).startsWith("objective:").contains("\"101.2\""))
                .anySatisfy(t -> assertThat(t).startsWith("plan:").contains("drug \"lisinopril\""))
                .anySatisfy(t -> assertThat(t).startsWith("assessment:").contains("diabetes"));
    }

    @Test
    void onlyBillableCodesFromTheModelAreKeptAndEachSaysWhoProposedIt() {
        AZURE.stubFor(chat().willReturn(answer(ModelAnswers.lowBackPainWithCodes())));

        JsonNode note = note("llm", true, TRANSCRIPT).json();
        Map<String, List<String>> proposedBy = new HashMap<>();
        note.get("billing_codes").get("icd10").forEach(d -> {
            List<String> engines = new ArrayList<>();
            d.get("proposed_by").forEach(e -> engines.add(e.asText()));
            proposedBy.put(d.get("code").asText(), engines);
        });
        assertThat(proposedBy).containsEntry("S39.012A", List.of("llm")).doesNotContainKeys("Z99.999", "M54.5");
        assertThat(proposedBy.get("M54.50")).contains("llm");
        assertThat(note.get("billing_codes").get("cpt").get(0).get("proposed_by").get(0).asText()).isEqualTo("embedded");
        assertThat(note.get("warnings").toString()).contains("BILLING_CODE_DROPPED", "Z99.999", "M54.5,");
        AZURE.verify(postRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing("Propose ICD-10-CM codes"))));
    }

    @Test
    void aTranscriptOverTheContextBudgetIs413ForLlmAndEmbeddedForAuto() {
        StringBuilder longer = new StringBuilder(TRANSCRIPT);
        while (longer.length() < 60_000) {
            longer.append("\nPatient: The pain is still there in the morning and it eases once I start walking around.");
        }
        Http.Response llm = note("llm", false, longer.toString());
        assertThat(llm.status()).isEqualTo(413);
        assertThat(llm.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(llm.json().get("detail").asText()).contains("context budget", "not truncated");
        AZURE.verify(0, postRequestedFor(urlPathEqualTo(PATH)));

        Http.Response auto = note("auto", false, longer.toString());
        assertThat(auto.status()).isEqualTo(200);
        assertThat(auto.json().get("engine").get("name").asText()).isEqualTo("embedded");
        assertThat(auto.json().get("warnings").get(0).get("text").asText()).contains("context budget");
    }

    @Test
    void neitherTheTranscriptNorTheKeyReachesTheLogs(CapturedOutput output) {
        String canary = "CANARY-LLM-PATIENT-Rk29Zq";
        String transcript = TRANSCRIPT + "\nPatient: My name is " + canary + ".";
        String echoing = ModelAnswers.lowBackPain().replace("Low back pain for about three weeks.",
                "Low back pain for about three weeks in " + canary + ".");
        AZURE.stubFor(chat().willReturn(answer(echoing)));
        assertThat(note("llm", true, transcript).status()).isEqualTo(200);
        AZURE.resetAll();
        AZURE.stubFor(chat().willReturn(answer("not json " + canary)));
        assertThat(note("llm", false, transcript).status()).isEqualTo(502);
        assertThat(note("auto", false, transcript).status()).isEqualTo(200);
        AZURE.resetAll();
        AZURE.stubFor(chat().willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"context_length_exceeded\",\"message\":\"This model's maximum context "
                        + "length is 128000 tokens. Your messages: " + canary + "\"}}")));
        assertThat(note("llm", false, transcript).status()).isEqualTo(502);
        AZURE.resetAll();
        AZURE.stubFor(chat().willReturn(aResponse().withStatus(500).withBody("upstream said " + canary)));
        assertThat(note("llm", false, transcript).status()).isEqualTo(503);

        assertThat(output.getAll()).contains("LLM call").doesNotContain(canary).doesNotContain(KEY);
    }
}
