package org.chartscribe.audio.speech;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chartscribe.audio.SpeechRecognizer;
import org.chartscribe.audio.SpeechRecognizer.HeardSegment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAI {@code /audio/transcriptions} wire format (verbose_json), replayed by WireMock. */
public class OpenAiTranscriptionRecognizerTest {
    static final String KEY = "sk-test-secret-0123456789";
    /** As OpenAI documents verbose_json: task, language, duration, text, segments with start/end in seconds. */
    public static final String VERBOSE_JSON = """
            {"task":"transcribe","language":"english","duration":4.5,
             "text":"Blood pressure is 140 over 90. Heart rate is 82.",
             "segments":[
               {"id":0,"seek":0,"start":0.0,"end":2.4,"text":" Blood pressure is 140 over 90.","tokens":[1],
                "temperature":0.0,"avg_logprob":-0.2,"compression_ratio":1.1,"no_speech_prob":0.01},
               {"id":1,"seek":0,"start":2.4,"end":4.5,"text":" Heart rate is 82.","tokens":[2],
                "temperature":0.0,"avg_logprob":-0.2,"compression_ratio":1.1,"no_speech_prob":0.01}]}
            """;

    static WireMockServer server;
    @TempDir
    Path dir;
    Path pcm;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() throws IOException {
        server.resetAll();
        pcm = dir.resolve("a.wav");
        Files.write(pcm, WavFiles.wav(new byte[32 * 3000])); // 3 s of silence
    }

    private OpenAiTranscriptionRecognizer openAi(Duration timeout, Duration chunk) {
        return new OpenAiTranscriptionRecognizer(server.baseUrl() + "/v1", KEY, "whisper-1", null, "en", timeout, chunk);
    }

    @Test
    void readsVerboseJsonSegmentsAndSendsTheBearerKeyAndModel() {
        server.stubFor(post("/v1/audio/transcriptions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(VERBOSE_JSON)));

        List<HeardSegment> segments = openAi(Duration.ofSeconds(5), Duration.ofMinutes(10)).recognise(pcm, 3000, p -> { });

        assertThat(segments).containsExactly(new HeardSegment(null, 0, 2400, "Blood pressure is 140 over 90."),
                new HeardSegment(null, 2400, 4500, "Heart rate is 82."));
        server.verify(postRequestedFor(urlEqualTo("/v1/audio/transcriptions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(containing("verbose_json")).withRequestBody(containing("whisper-1")));
    }

    @Test
    void longRecordingsGoInChunksWhoseTimesAreShifted() {
        server.stubFor(post("/v1/audio/transcriptions").willReturn(aResponse().withStatus(200).withBody(VERBOSE_JSON)));
        List<Double> progress = new ArrayList<>();

        List<HeardSegment> segments = openAi(Duration.ofSeconds(5), Duration.ofSeconds(1)).recognise(pcm, 3000, progress::add);

        assertThat(segments).hasSize(6);
        assertThat(segments.get(2).startMs()).isEqualTo(1000);
        assertThat(segments.get(4).startMs()).isEqualTo(2000);
        assertThat(progress).containsExactly(1 / 3.0, 2 / 3.0, 1.0);
    }

    @Test
    void azureOpenAiUsesTheDeploymentPathAndApiKeyHeader() {
        server.stubFor(post(urlEqualTo("/openai/deployments/whisper/audio/transcriptions?api-version=2024-06-01"))
                .willReturn(aResponse().withStatus(200).withBody(VERBOSE_JSON)));
        var azure = new OpenAiTranscriptionRecognizer(server.baseUrl(), KEY, "whisper", "2024-06-01", "en",
                Duration.ofSeconds(5), Duration.ofMinutes(10));

        assertThat(azure.recognise(pcm, 3000, p -> { })).hasSize(2);
        server.verify(postRequestedFor(urlEqualTo("/openai/deployments/whisper/audio/transcriptions?api-version=2024-06-01"))
                .withHeader("api-key", equalTo(KEY)));
    }

    @Test
    void rateLimitingIsRetriedOnceThenAClearFailureWithoutTheKey() {
        server.stubFor(post("/v1/audio/transcriptions").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "1").withBody("{\"error\":{\"message\":\"Rate limit reached\"}}")));

        assertThatThrownBy(() -> openAi(Duration.ofSeconds(5), Duration.ofMinutes(10)).recognise(pcm, 3000, p -> { }))
                .isInstanceOf(SpeechRecognizer.SpeechUnavailable.class)
                .hasMessage("The speech service answered HTTP 429 (rate limited).")
                .hasMessageNotContaining(KEY);
        server.verify(2, postRequestedFor(urlEqualTo("/v1/audio/transcriptions")));
    }

    @Test
    void aServerErrorIsAClearFailure() {
        server.stubFor(post("/v1/audio/transcriptions").willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":{\"message\":\"internal\"}}")));

        assertThatThrownBy(() -> openAi(Duration.ofSeconds(5), Duration.ofMinutes(10)).recognise(pcm, 3000, p -> { }))
                .isInstanceOf(SpeechRecognizer.SpeechUnavailable.class).hasMessage("The speech service answered HTTP 500.");
    }

    @Test
    void aServiceThatDoesNotAnswerTimesOutInsteadOfHanging() {
        server.stubFor(post("/v1/audio/transcriptions").willReturn(aResponse().withStatus(200)
                .withFixedDelay(5_000).withBody(VERBOSE_JSON)));
        long started = System.nanoTime();

        assertThatThrownBy(() -> openAi(Duration.ofMillis(500), Duration.ofMinutes(10)).recognise(pcm, 3000, p -> { }))
                .isInstanceOf(SpeechRecognizer.SpeechUnavailable.class).hasMessageContaining("did not answer");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aRefusedConnectionIsAClearFailure() {
        var nowhere = new OpenAiTranscriptionRecognizer("http://127.0.0.1:1", KEY, "whisper-1", null, "en",
                Duration.ofSeconds(2), Duration.ofMinutes(10));

        assertThatThrownBy(() -> nowhere.recognise(pcm, 3000, p -> { }))
                .isInstanceOf(SpeechRecognizer.SpeechUnavailable.class).hasMessage("The speech service could not be reached.");
    }
}
