package org.chartscribe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.chartscribe.note.llm.ModelAnswers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A reader that hangs up in the middle of a streamed LLM note cancels the model call: the provider's
 * connection is closed (seen by the provider, which stops writing) and no note is stored. WireMock does
 * not report a client hanging up, so the provider here is a JDK HTTP server writing the OpenAI streaming
 * wire format slowly, one chunk every 100 ms, that records when its write fails.
 */
@TestPropertySource(properties = "chartscribe.stream.heartbeat=100ms")
class LlmStreamCancelIT extends AppTestBase {
    static final CompletableFuture<Long> PROVIDER_SAW_CLOSE = new CompletableFuture<>();
    static final AtomicInteger CHUNKS_WRITTEN = new AtomicInteger();
    static final HttpServer PROVIDER = slowProvider();

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("chartscribe.llm.provider", () -> "openai-compatible");
        registry.add("chartscribe.llm.endpoint", () -> "http://127.0.0.1:" + PROVIDER.getAddress().getPort() + "/v1");
        registry.add("chartscribe.llm.model", () -> "slow-model");
        registry.add("chartscribe.llm.timeout", () -> "60s");
        registry.add("chartscribe.llm.max-retries", () -> "0");
    }

    @AfterAll
    static void stop() {
        PROVIDER.stop(0);
    }

    @Test
    void aReaderHangingUpMidStreamCancelsTheModelCallAndStoresNothing() throws Exception {
        double storedBefore = meters.counter("chartscribe.notes.generated", "engine", "llm", "replayed", "false").count();
        SseClient.Result r = SseClient.read(SseClient.post(port, KEY_A, Http.json(Map.of("transcript",
                ModelAnswers.lowBackPainTranscript(), "specialty", "nurse_practitioner", "engine", "llm"))),
                e -> e.name().equals("section"));
        long hungUpAt = System.nanoTime();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.events()).hasSize(1);

        long closedAt = PROVIDER_SAW_CLOSE.get(10, TimeUnit.SECONDS);
        assertThat((closedAt - hungUpAt) / 1_000_000).as("ms from hang-up to the model's connection closing")
                .isLessThan(3_000);
        int written = CHUNKS_WRITTEN.get();
        assertThat(written).as("the answer was not finished").isLessThan(
                LlmReplays.streamedChunks(ModelAnswers.lowBackPain(), 12, "stop").size());
        Thread.sleep(500);
        assertThat(meters.counter("chartscribe.notes.stream.cancelled").count()).isEqualTo(1.0);
        assertThat(meters.counter("chartscribe.notes.generated", "engine", "llm", "replayed", "false").count())
                .isEqualTo(storedBefore);
    }

    /** Streams a valid answer slowly and records when its client hangs up (its next write fails). */
    private static HttpServer slowProvider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            List<String> chunks = LlmReplays.streamedChunks(ModelAnswers.lowBackPain(), 12, "stop");
            server.createContext("/v1/chat/completions", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (String chunk : chunks) {
                        out.write(chunk.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        CHUNKS_WRITTEN.incrementAndGet();
                        Thread.sleep(100);
                    }
                } catch (IOException hungUp) {
                    PROVIDER_SAW_CLOSE.complete(System.nanoTime());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
