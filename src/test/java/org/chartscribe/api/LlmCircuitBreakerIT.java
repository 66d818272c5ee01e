package org.chartscribe.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import org.chartscribe.note.llm.ModelAnswers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A provider that keeps failing opens the circuit breaker: later requests no longer reach it (WireMock's
 * request count stays put), {@code engine=llm} answers 503 at once and {@code engine=auto} falls back.
 */
class LlmCircuitBreakerIT extends AppTestBase {
    static final WireMockServer SERVER = LlmReplays.start();

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("chartscribe.llm.provider", () -> "openai-compatible");
        registry.add("chartscribe.llm.endpoint", () -> "http://127.0.0.1:" + SERVER.port() + "/v1");
        registry.add("chartscribe.llm.model", () -> "breaker-model");
        registry.add("chartscribe.llm.timeout", () -> "3s");
        registry.add("chartscribe.llm.max-retries", () -> "0");
        registry.add("chartscribe.llm.breaker-window", () -> "4");
        registry.add("chartscribe.llm.breaker-failure-rate", () -> "50");
        registry.add("chartscribe.llm.breaker-open-for", () -> "60s");
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    private Http.Response note(String engine) {
        return http().postJson("/v1/note", KEY_A, Http.json(Map.of("transcript", ModelAnswers.lowBackPainTranscript(),
                "specialty", "nurse_practitioner", "engine", engine)));
    }

    private static long providerCalls() {
        return SERVER.countRequestsMatching(postRequestedFor(urlEqualTo("/v1/chat/completions")).build()).getCount();
    }

    @Test
    void repeatedProviderFailuresOpenTheBreakerSoLaterCallsFailFastWithoutReachingIt() {
        SERVER.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":{\"message\":\"The server had an error while processing your request.\"}}")));
        for (int i = 0; i < 4; i++) {
            assertThat(note("llm").status()).isEqualTo(503);
        }
        assertThat(providerCalls()).isEqualTo(4);

        Http.Response llm = note("llm");
        assertThat(llm.status()).isEqualTo(503);
        assertThat(llm.json().get("code").asText()).isEqualTo("ENGINE_UNAVAILABLE");
        assertThat(llm.json().get("detail").asText()).contains("circuit breaker open");
        assertThat(llm.header("Retry-After")).isEqualTo("60");

        // the provider has recovered, but the breaker keeps its word until it half-opens
        SERVER.resetAll();
        SERVER.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(LlmReplays.completion(ModelAnswers.lowBackPain()))));
        Http.Response auto = note("auto");
        assertThat(auto.status()).isEqualTo(200);
        assertThat(auto.json().get("engine").get("name").asText()).isEqualTo("embedded");
        assertThat(auto.json().get("warnings").get(0).get("code").asText()).isEqualTo("LLM_FALLBACK");
        assertThat(auto.json().get("warnings").get(0).get("text").asText()).contains("circuit breaker open");
        assertThat(providerCalls()).as("no call reached the provider while the breaker was open").isZero();
    }
}
