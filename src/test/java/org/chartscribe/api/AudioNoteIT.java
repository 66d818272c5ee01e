package org.chartscribe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.chartscribe.audio.AudioJobSubmitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /v1/note/audio} end to end with the embedded recogniser (the default: offline, no key) on
 * the synthesised fixtures (scripts/make-audio-fixtures.sh), and its bad inputs.
 */
class AudioNoteIT extends AppTestBase {
    /** What format.* says: "blood pressure is one forty over ninety and the heart rate is eighty two". */
    private static final Set<String> SPOKEN = Set.of("blood", "pressure", "one", "forty", "over", "ninety", "heart",
            "rate", "eighty", "two");

    @Autowired
    ObjectProvider<AudioJobSubmitter> jobs;

    @ParameterizedTest
    @ValueSource(strings = {"format.mp3", "format.m4a", "format.wav", "format-vorbis.ogg", "format-opus.ogg",
            "format.webm", "format.flac"})
    void everyFormatBecomesANoteWithItsTranscript(String file) {
        Http.Response response = AudioUpload.fixture(file).field("specialty", "physician").send(http(), KEY_A);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode note = response.json();
        assertThat(note.path("noteId").asText()).startsWith("note_");
        assertThat(note.path("engine").path("name").asText()).isEqualTo("embedded");
        String text = note.path("transcript").path("text").asText();
        Set<String> heard = new HashSet<>(List.of(text.toLowerCase(Locale.ROOT).split("\\W+")));
        heard.retainAll(SPOKEN);
        // synthetic speech through a small offline model: some words are lost, the numbers mostly survive
        assertThat(heard).as("recognised: %s", text).hasSizeGreaterThanOrEqualTo(3);
        JsonNode segments = note.path("transcript").path("segments");
        assertThat(segments.size()).isPositive();
        for (JsonNode s : segments) {
            assertThat(s.path("speaker").asText()).isIn("clinician", "patient", "unknown");
            assertThat(s.path("end_ms").asLong()).isGreaterThanOrEqualTo(s.path("start_ms").asLong());
            assertThat(text).contains(s.path("text").asText());
        }
        // the note is stored like any other
        assertThat(http().get("/v1/note/" + note.path("noteId").asText(), KEY_A).status()).isEqualTo(200);
    }

    @Test
    void aTwoSpeakerVisitGetsClinicianAndPatientTurnsAndEvidenceIntoTheReturnedText() {
        Http.Response response = AudioUpload.fixture("dialogue.ogg").field("include_billing_codes", "true")
                .put().send(http(), KEY_A);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode transcript = response.json().path("transcript");
        String text = transcript.path("text").asText();
        List<String> speakers = new ArrayList<>();
        transcript.path("segments").forEach(s -> speakers.add(s.path("speaker").asText()));
        assertThat(speakers).contains("clinician", "patient");
        // "what brings you in today" opens the visit: the clinician's
        assertThat(speakers.get(0)).isEqualTo("clinician");
        assertThat(text).startsWith("Doctor: ").contains("\nPatient: ");
        for (JsonNode part : response.json().path("sections")) {
            for (JsonNode section : part) {
                for (JsonNode evidence : section.path("evidence")) {
                    assertThat(evidence.path("end").asInt()).isLessThanOrEqualTo(text.length());
                }
            }
        }
    }

    @Test
    void aTextFileNamedMp3IsRefusedAs415WithoutEchoingIt() {
        byte[] text = "Patient John Example reports chest pain since Monday.".getBytes(StandardCharsets.UTF_8);
        Http.Response response = new AudioUpload().audio(text, "visit.mp3").send(http(), KEY_A);

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().path("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(response.json().path("detail").asText()).contains("recognised from the content");
        assertThat(response.body()).doesNotContain("John").doesNotContain("chest");
    }

    @Test
    void anEmptyUploadIs422() {
        Http.Response response = new AudioUpload().audio(new byte[0], "empty.wav").send(http(), KEY_A);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("detail").asText()).isEqualTo("The audio file is empty.");
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("audio");
    }

    @Test
    void aDamagedRecordingIs422NeverA500() {
        Http.Response response = AudioUpload.fixture("corrupt.mp3").send(http(), KEY_A);

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().path("code").asText()).isEqualTo("UNPROCESSABLE_CONTENT");
    }

    @Test
    void missingAudioAndBadFieldsAreReportedTogether() {
        Http.Response response = new AudioUpload().field("specialty", "astrology").field("async", "maybe")
                .field("webhook_url", "not a url").send(http(), KEY_A);

        assertThat(response.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("audio", "specialty", "async", "webhook_url");
        assertThat(response.body()).doesNotContain("astrology").doesNotContain("not a url");
    }

    @Test
    void withoutAKeyIs401() {
        assertThat(AudioUpload.fixture("format.flac").send(http(), null).status()).isEqualTo(401);
    }

    @Test
    void jsonInsteadOfAFormIs415() {
        assertThat(http().postJson("/v1/note/audio", KEY_A, "{\"audio\":\"x\"}").status()).isEqualTo(415);
    }

    @Test
    void askingForAJobIs202WithAStatusUrlOrAClear503WhereNoQueueRuns() {
        Http.Response response = AudioUpload.fixture("format.flac").field("async", "true").send(http(), KEY_A);

        if (jobs.getIfAvailable() == null) {
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.json().path("detail").asText()).isEqualTo(AudioNoteController.NO_JOBS);
        } else {
            assertThat(response.status()).isEqualTo(202);
            String jobId = response.json().path("jobId").asText();
            assertThat(response.json().path("status_url").asText()).isEqualTo("/v1/jobs/" + jobId);
        }
    }

    @Test
    void aRetriedUploadWithTheSameIdempotencyKeyGetsTheSameNoteAndTranscript() {
        String key = "audio-retry-" + UUID.randomUUID();
        Http.Response first = AudioUpload.fixture("format.flac").idempotencyKey(key).send(http(), KEY_A);
        Http.Response again = AudioUpload.fixture("format.flac").idempotencyKey(key).put().send(http(), KEY_A);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().path("noteId").asText()).isEqualTo(first.json().path("noteId").asText());
        assertThat(again.json().path("transcript")).isEqualTo(first.json().path("transcript"));
        // the stored note keeps what was heard, so a later read can check its evidence against it
        JsonNode stored = http().get("/v1/note/" + first.json().path("noteId").asText(), KEY_A).json();
        assertThat(stored.path("transcript")).isEqualTo(first.json().path("transcript"));
        // another tenant's key of the same name is its own
        Http.Response otherTenant = AudioUpload.fixture("format.flac").idempotencyKey(key).send(http(), KEY_B);
        assertThat(otherTenant.json().path("noteId").asText()).isNotEqualTo(first.json().path("noteId").asText());
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherRecordingOrOtherFieldsIsRefused() {
        String key = "audio-reuse-" + UUID.randomUUID();
        assertThat(AudioUpload.fixture("format.flac").idempotencyKey(key).send(http(), KEY_A).status()).isEqualTo(200);

        Http.Response otherRecording = AudioUpload.fixture("format.wav").idempotencyKey(key).send(http(), KEY_A);
        Http.Response otherSpecialty = AudioUpload.fixture("format.flac").field("specialty", "physician")
                .idempotencyKey(key).send(http(), KEY_A);

        for (Http.Response refused : List.of(otherRecording, otherSpecialty)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("code").asText()).isEqualTo("VALIDATION_ERROR");
            assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
        }
    }

    @Test
    void aMalformedIdempotencyKeyIs400WithoutEchoingIt() {
        Http.Response response = AudioUpload.fixture("format.flac").idempotencyKey("has spaces in it")
                .send(http(), KEY_A);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(response.body()).doesNotContain("has spaces in it");
    }

    @Test
    void aRetriedJobUploadWithTheSameKeyGetsTheSameJob() {
        assumeTrue(jobs.getIfAvailable() != null, "this server runs no job queue");
        String key = "audio-job-" + UUID.randomUUID();

        Http.Response first = AudioUpload.fixture("format.flac").field("async", "true").idempotencyKey(key)
                .send(http(), KEY_A);
        Http.Response again = AudioUpload.fixture("format.flac").field("async", "true").idempotencyKey(key)
                .send(http(), KEY_A);
        Http.Response notAsync = AudioUpload.fixture("format.flac").idempotencyKey(key).send(http(), KEY_A);

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().path("jobId").asText()).isEqualTo(first.json().path("jobId").asText());
        // the same recording asked for synchronously is another request
        assertThat(notAsync.status()).isEqualTo(400);
    }
}
