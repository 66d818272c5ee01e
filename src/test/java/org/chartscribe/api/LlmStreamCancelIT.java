package org.chartscribe.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    static final SlowProvider PROVIDER = new SlowProvider("/v1/chat/completions");

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("chartscribe.llm.provider", () -> "openai-compatible");
        registry.add("chartscribe.llm.endpoint", () -> "http://127.0.0.1:" + PROVIDER.port() + "/v1");
        registry.add("chartscribe.llm.model", () -> "slow-model");
        registry.add("chartscribe.llm.timeout", () -> "60s");
        registry.add("chartscribe.llm.max-retries", () -> "0");
    }

    @AfterAll
    static void stop() {
        PROVIDER.close();
    }

    @Test
    void aReaderHangingUpMidStreamCancelsTheModelCallAndStoresNothing() throws Exception {
        assertCancelledOnHangUp(port, meters, PROVIDER, "llm");
    }

    /** Reads one section event, hangs up, and checks the provider saw its connection close and nothing was stored. */
    static void assertCancelledOnHangUp(int port, MeterRegistry meters, SlowProvider provider, String engine)
            throws Exception {
        double storedBefore = meters.counter("chartscribe.notes.generated", "engine", engine, "replayed", "false").count();
        double cancelledBefore = meters.counter("chartscribe.notes.stream.cancelled").count();
        SseClient.Result r = SseClient.read(SseClient.post(port, KEY_A, Http.json(Map.of("transcript",
                ModelAnswers.lowBackPainTranscript(), "specialty", "nurse_practitioner", "engine", engine))),
                e -> e.name().equals("section"));
        long hungUpAt = System.nanoTime();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.events()).hasSize(1);

        long closedAt = provider.sawClose.get(10, TimeUnit.SECONDS);
        assertThat((closedAt - hungUpAt) / 1_000_000).as("ms from hang-up to the model's connection closing")
                .isLessThan(3_000);
        assertThat(provider.chunksWritten.get()).as("the answer was not finished").isLessThan(provider.chunks.size());
        Thread.sleep(500);
        assertThat(meters.counter("chartscribe.notes.stream.cancelled").count()).isEqualTo(cancelledBefore + 1);
        assertThat(meters.counter("chartscribe.notes.generated", "engine", engine, "replayed", "false").count())
                .isEqualTo(storedBefore);
    }
}
