package org.chartscribe.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.chartscribe.api.AppTestBase;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Provenance;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code $generate-soap} with the recording inline ({@code audio} as an Attachment with base64 data),
 * through the embedded recogniser, on a server whose synchronous limit is 10 s.
 */
class FhirAudioInputIT extends AppTestBase {

    @DynamicPropertySource
    static void shortSyncLimit(DynamicPropertyRegistry registry) {
        registry.add("chartscribe.audio.sync-limit", () -> "10s");
    }

    private static Parameters withRecording(String fixture) {
        try {
            Parameters parameters = new Parameters();
            parameters.addParameter().setName("audio").setValue(new Attachment().setContentType("audio/flac")
                    .setData(Files.readAllBytes(Path.of("src/test/resources/audio", fixture))));
            parameters.addParameter().setName("specialty").setValue(new CodeType("physician"));
            return parameters;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anInlineRecordingBecomesTheSameValidResourcesAsATranscript() throws IOException {
        // "the patient reports lower back pain for two weeks after lifting a heavy box"
        Parameters parameters = withRecording("dictation-1.flac");
        parameters.addParameter().setName("includeBillingCodes").setValue(new BooleanType(true));

        Bundle bundle = FhirClients.client(port, KEY_A).operation().onServer().named("$generate-soap")
                .withParameters(parameters).returnResourceType(Bundle.class).execute();

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(FhirClients.validationErrors(bundle)).isEmpty();
        DocumentReference document = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(DocumentReference.class::isInstance).map(DocumentReference.class::cast).findFirst().orElseThrow();
        assertThat(bundle.getEntry()).anyMatch(e -> e.getResource() instanceof Provenance);
        // the note behind the resources was written from what the recogniser heard, and keeps it
        String noteId = document.getIdentifier().stream().filter(i -> "urn:chartscribe:note".equals(i.getSystem()))
                .findFirst().orElseThrow().getValue();
        FhirClients.Raw read = FhirClients.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/v1/note/" + noteId))
                .header("Authorization", "Bearer " + KEY_A).build());
        assertThat(read.status()).isEqualTo(200);
        JsonNode stored = new ObjectMapper().readTree(read.body());
        assertThat(stored.path("transcript").path("text").asText().toLowerCase(Locale.ROOT))
                .containsAnyOf("back", "lifting", "weeks");
        assertThat(stored.path("transcript").path("segments").size()).isPositive();
    }

    @Test
    void aRecordingOverTheSynchronousLimitIs413PointingToTheAudioEndpoint() {
        BaseServerResponseException e = catchThrowableOfType(BaseServerResponseException.class, () ->
                FhirClients.client(port, KEY_A).operation().onServer().named("$generate-soap")
                        .withParameters(withRecording("dialogue.ogg")).execute()); // 17.6 s

        assertThat(e).isNotNull();
        assertThat(e.getStatusCode()).isEqualTo(413);
        OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.TOOLONG);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("POST /v1/note/audio");
    }

    @Test
    void aDamagedRecordingIs422NeverA500() throws IOException {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("audio").setValue(new Attachment().setContentType("audio/mpeg")
                .setData(Files.readAllBytes(Path.of("src/test/resources/audio/corrupt.mp3"))));

        BaseServerResponseException e = catchThrowableOfType(BaseServerResponseException.class, () ->
                FhirClients.client(port, KEY_A).operation().onServer().named("$generate-soap")
                        .withParameters(parameters).execute());

        assertThat(e).isNotNull();
        assertThat(e.getStatusCode()).as(e.getMessage()).isEqualTo(422);
        assertThat(((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getCode())
                .isEqualTo(OperationOutcome.IssueType.PROCESSING);
    }
}
