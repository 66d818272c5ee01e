package org.chartscribe.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.chartscribe.audio.speech.OpenAiTranscriptionRecognizerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The audio endpoint with a cloud speech engine (the OpenAI transcription wire format replayed by
 * WireMock) and the embedded engine as fallback, in a server with tiny upload and duration limits.
 * One application context of its own (the limits and provider differ from {@link AppTestBase}'s).
 */
class AudioCloudSpeechIT extends AppTestBase {
    static final WireMockServer WHISPER = started();

    static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void cloudSpeech(DynamicPropertyRegistry registry) {
        registry.add("chartscribe.speech.provider", () -> "openai-compatible");
        registry.add("chartscribe.speech.endpoint", () -> WHISPER.baseUrl() + "/v1");
        registry.add("chartscribe.speech.api-key", () -> "sk-test-key");
        registry.add("chartscribe.speech.timeout", () -> "3s");
        registry.add("chartscribe.audio.max-duration", () -> "6s");
        registry.add("chartscribe.audio.max-upload-bytes", () -> "100KB");
    }

    @AfterAll
    static void stop() {
        WHISPER.stop();
    }

    @BeforeEach
    void reset() {
        WHISPER.resetAll();
    }

    @Test
    void theCloudTranscriptIsUsedWhenTheServiceAnswers() {
        WHISPER.stubFor(post("/v1/audio/transcriptions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(OpenAiTranscriptionRecognizerTest.VERBOSE_JSON)));

        Http.Response response = AudioUpload.fixture("dictation-1.flac").send(http(), KEY_A);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode transcript = response.json().path("transcript");
        assertThat(transcript.path("text").asText()).isEqualTo("Blood pressure is 140 over 90.\nHeart rate is 82.");
        assertThat(transcript.path("segments").get(1).path("start_ms").asLong()).isEqualTo(2400);
        assertThat(transcript.path("segments").get(0).path("speaker").asText()).isEqualTo("unknown");
        // the vital signs reach the note's objective section
        assertThat(response.json().path("objective").asText()).contains("140");
    }

    @Test
    void aFailingServiceFallsBackToTheEmbeddedRecogniser() {
        WHISPER.stubFor(post("/v1/audio/transcriptions").willReturn(aResponse().withStatus(500)));

        Http.Response response = AudioUpload.fixture("dictation-1.flac").send(http(), KEY_A);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        // "the patient reports lower back pain for two weeks after lifting a heavy box", heard offline
        assertThat(response.json().path("transcript").path("text").asText()).containsAnyOf("back", "weeks", "lifting");
        // and the note says so: the stand-in hears less well than the engine the operator chose
        JsonNode warnings = response.json().path("warnings");
        assertThat(warnings.findValuesAsText("code")).contains("SPEECH_FALLBACK");
        assertThat(warnings.toString()).contains("openai-compatible speech engine was unavailable");
    }

    @Test
    void aNoteTheCloudTranscribedCarriesNoFallbackWarning() {
        WHISPER.stubFor(post("/v1/audio/transcriptions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(OpenAiTranscriptionRecognizerTest.VERBOSE_JSON)));

        Http.Response response = AudioUpload.fixture("dictation-1.flac").send(http(), KEY_A);

        assertThat(response.json().path("warnings").findValuesAsText("code")).doesNotContain("SPEECH_FALLBACK");
    }

    @Test
    void aRecordingOverTheDurationLimitIs413() {
        Http.Response response = AudioUpload.fixture("dialogue.ogg").send(http(), KEY_A); // 17.6 s, 45 KB

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(response.json().path("detail").asText()).isEqualTo("The recording is 18 s long; the limit is 6.0 s.");
    }

    @Test
    void anUploadOverTheSizeLimitIs413() {
        Http.Response response = AudioUpload.fixture("format.wav").send(http(), KEY_A); // 145 KB

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }
}
