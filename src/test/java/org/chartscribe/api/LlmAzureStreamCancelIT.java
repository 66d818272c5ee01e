package org.chartscribe.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.chartscribe.note.llm.ModelAnswers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A reader hanging up in the middle of a streamed note from Azure OpenAI cancels the model call: the
 * connection to the deployment is closed within seconds (it would otherwise stay open while the model
 * keeps generating, and billing) and no note is stored. The deployment is WireMock replaying Azure's
 * streamed chat-completions format slowly (the whole answer over 40 s); the connection is watched in
 * the kernel's socket table, since WireMock does not report a client leaving.
 */
@TestPropertySource(properties = "chartscribe.stream.heartbeat=100ms")
class LlmAzureStreamCancelIT extends AppTestBase {
    static final WireMockServer AZURE = LlmReplays.start();
    static final String KEY = "azure-key-5b1d7c3e9f0a2b4c6d8e0f1a3b5c7d9e";
    static final String PATH = "/openai/deployments/notes-gpt/chat/completions";

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("chartscribe.llm.provider", () -> "azure-openai");
        registry.add("chartscribe.llm.endpoint", () -> "http://localhost:" + AZURE.port());
        registry.add("chartscribe.llm.api-key", () -> KEY);
        registry.add("chartscribe.llm.model", () -> "notes-gpt");
        registry.add("chartscribe.llm.timeout", () -> "60s");
        registry.add("chartscribe.llm.max-retries", () -> "0");
    }

    @AfterAll
    static void stop() {
        AZURE.stop();
    }

    @Test
    void aReaderHangingUpMidStreamClosesTheConnectionToTheDeploymentAndStoresNothing() throws Exception {
        assumeTrue(ProviderConnections.readable(), "needs Linux /proc/net/tcp to see the connection close");
        List<String> chunks = LlmReplays.azureStreamedChunks(ModelAnswers.lowBackPain(), 12);
        AZURE.stubFor(post(urlPathEqualTo(PATH)).withQueryParam("api-version", equalTo("2025-01-01-preview"))
                .withHeader("api-key", equalTo(KEY)).withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(String.join("", chunks)).withChunkedDribbleDelay(chunks.size(), 40_000)));
        double storedBefore = meters.counter("chartscribe.notes.generated", "engine", "llm", "replayed", "false").count();
        double cancelledBefore = meters.counter("chartscribe.notes.stream.cancelled").count();

        int[] openWhileStreaming = new int[1];
        SseClient.Result r = SseClient.read(SseClient.post(port, KEY_A, Http.json(Map.of("transcript",
                ModelAnswers.lowBackPainTranscript(), "specialty", "nurse_practitioner", "engine", "llm"))),
                e -> {
                    openWhileStreaming[0] = ProviderConnections.establishedTo(AZURE.port());
                    return e.name().equals("section");
                });
        long hungUpAt = System.nanoTime();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.events()).hasSize(1);
        assertThat(openWhileStreaming[0]).as("the app's connection to the deployment, seen while it streamed").isEqualTo(1);

        long closedAfterMs = -1;
        while ((System.nanoTime() - hungUpAt) / 1_000_000 < 10_000) {
            if (ProviderConnections.establishedTo(AZURE.port()) == 0) {
                closedAfterMs = (System.nanoTime() - hungUpAt) / 1_000_000;
                break;
            }
            Thread.sleep(50);
        }
        assertThat(closedAfterMs).as("ms from hang-up to the deployment's connection closing (-1: still open after 10 s)")
                .isBetween(0L, 3_000L);
        Thread.sleep(500);
        assertThat(meters.counter("chartscribe.notes.stream.cancelled").count()).isEqualTo(cancelledBefore + 1);
        assertThat(meters.counter("chartscribe.notes.generated", "engine", "llm", "replayed", "false").count())
                .isEqualTo(storedBefore);
    }
}
