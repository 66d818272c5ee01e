package org.chartscribe.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.chartscribe.api.AppTestBase;
import org.chartscribe.fhir.SharedValidator;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Every bad call answers an OperationOutcome with the right status and issue code, never a 500 or a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class FhirErrorsIT extends AppTestBase {
    private static final String CANARY = "ZEBRA-CANARY-FHIR-51";

    private Parameters valid() {
        return FhirClients.withTranscript(FhirClients.transcript("low-back-pain-np.txt") + " " + CANARY);
    }

    private OperationOutcome.OperationOutcomeIssueComponent fails(Parameters parameters, String key, int status,
                                                                  OperationOutcome.IssueType code) {
        BaseServerResponseException e = catchThrowableOfType(BaseServerResponseException.class, () -> FhirClients.client(port, key)
                .operation().onServer().named("$generate-soap").withParameters(parameters).execute());
        assertThat(e).as("expected HTTP " + status).isNotNull();
        assertThat(e.getStatusCode()).isEqualTo(status);
        OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
        assertThat(outcome).isNotNull();
        String body = SharedValidator.FHIR.newJsonParser().encodeResourceToString(outcome);
        assertThat(body).doesNotContain(CANARY).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(outcome.getIssue()).anyMatch(i -> i.getCode() == code);
        return outcome.getIssue().stream().filter(i -> i.getCode() == code).findFirst().orElseThrow();
    }

    private OperationOutcome.OperationOutcomeIssueComponent fails(Parameters parameters, int status, OperationOutcome.IssueType code) {
        return fails(parameters, KEY_A, status, code);
    }

    @Test
    void missingTranscriptIsRequired() {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("specialty").setValue(new CodeType("physician"));
        fails(parameters, 400, OperationOutcome.IssueType.REQUIRED);
    }

    @Test
    void transcriptAndAudioTogetherAreInvalid() {
        Parameters parameters = valid();
        parameters.addParameter().setName("audio").setValue(new Attachment().setContentType("audio/wav").setData(new byte[] {1, 2}));
        fails(parameters, 400, OperationOutcome.IssueType.INVALID);
    }

    @Test
    void audioThatIsNotARecordingIs415AndAudioByUrlIsNotFetched() {
        Parameters notAudio = new Parameters();
        notAudio.addParameter().setName("audio").setValue(new Attachment().setContentType("audio/wav")
                .setData((CANARY + " this is a text file, not a recording").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(fails(notAudio, 415, OperationOutcome.IssueType.NOTSUPPORTED).getDiagnostics())
                .contains("not audio in a supported format");

        Parameters byUrl = new Parameters();
        byUrl.addParameter().setName("audio").setValue(new Attachment().setUrl("https://example.org/visit.mp3"));
        assertThat(fails(byUrl, 501, OperationOutcome.IssueType.NOTSUPPORTED).getDiagnostics())
                .contains("does not fetch a url");
    }

    @Test
    void writeBackWithAnApiKeyIsTheClientsErrorAndGeneratesNothing() {
        Parameters parameters = valid();
        parameters.addParameter().setName("writeBack").setValue(new BooleanType(true));
        assertThat(fails(parameters, 400, OperationOutcome.IssueType.NOTSUPPORTED).getDiagnostics())
                .isEqualTo(GenerateSoapProvider.WRITE_BACK_NEEDS_SMART);
    }

    @Test
    void invalidFhirValuesInTheParametersAreTheClientsError() {
        Parameters parameters = valid();
        parameters.addParameter().setName("practitioner").setValue(new Reference("Practitioner/dr-5")
                .setIdentifier(new Identifier().setSystem("urn:oid:" + CANARY).setValue("12345")));
        OperationOutcome.OperationOutcomeIssueComponent issue = fails(parameters, 400, OperationOutcome.IssueType.INVALID);
        assertThat(issue.getDiagnostics()).startsWith(FhirOutcomes.INVALID_VALUE);
        assertThat(issue.getExpression()).singleElement().asString().contains("identifier");
    }

    @Test
    void unknownSpecialtyListsTheValidCodes() {
        Parameters parameters = valid();
        parameters.addParameter().setName("specialty").setValue(new CodeType("astrology"));
        assertThat(fails(parameters, 400, OperationOutcome.IssueType.INVALID).getDiagnostics())
                .contains("physical_therapy", "generic").doesNotContain("astrology");
    }

    @Test
    void templateNotAllowedForTheSpecialtyListsTheValidOnes() {
        Parameters parameters = valid();
        parameters.addParameter().setName("specialty").setValue(new CodeType("physician"));
        parameters.addParameter().setName("template").setValue(new CodeType("birp"));
        assertThat(fails(parameters, 400, OperationOutcome.IssueType.INVALID).getDiagnostics())
                .contains("standard", "problem_oriented").doesNotContain("dap");
    }

    @Test
    void wrongTypesAreInvalid() {
        Parameters parameters = valid();
        parameters.addParameter().setName("includeBillingCodes").setValue(new StringType("yes"));
        parameters.addParameter().setName("patient").setValue(new Reference("Practitioner/x"));
        parameters.addParameter().setName("dialect").setValue(new CodeType("cerner-classic"));
        parameters.addParameter().setName("shoeSize").setValue(new StringType("44"));
        BaseServerResponseException e = catchThrowableOfType(BaseServerResponseException.class, () -> FhirClients.client(port, KEY_A)
                .operation().onServer().named("$generate-soap").withParameters(parameters).execute());
        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(((OperationOutcome) e.getOperationOutcome()).getIssue()).hasSize(4)
                .allMatch(i -> i.getCode() == OperationOutcome.IssueType.INVALID);
    }

    @Test
    void oracleWithoutAuthorIsRequired() {
        Parameters parameters = valid();
        parameters.addParameter().setName("dialect").setValue(new CodeType("oracle"));
        assertThat(fails(parameters, 400, OperationOutcome.IssueType.REQUIRED).getDiagnostics()).contains("practitioner");
    }

    @Test
    void missingOrWrongApiKeyIs401() {
        fails(valid(), null, 401, OperationOutcome.IssueType.LOGIN);
        fails(valid(), "cs_not_a_real_key_000000000000000000", 401, OperationOutcome.IssueType.LOGIN);
    }

    @Test
    void malformedAndNonParametersBodiesAre400() {
        FhirClients.Raw malformed = FhirClients.post(port, "/$generate-soap", KEY_A, "application/fhir+json",
                "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"transcript\",\"valueString\":\"" + CANARY);
        FhirClients.Raw patient = FhirClients.post(port, "/$generate-soap", KEY_A, "application/fhir+json",
                "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + CANARY + "\"}]}");
        FhirClients.Raw notFhir = FhirClients.post(port, "/Patient/p1/$generate-soap", KEY_A, "application/fhir+json", "[1,2]");
        for (FhirClients.Raw raw : new FhirClients.Raw[] {malformed, patient, notFhir}) {
            assertThat(raw.status()).as(raw.body()).isEqualTo(400);
            assertThat(raw.body()).contains("OperationOutcome").contains("\"invalid\"")
                    .doesNotContain(CANARY).doesNotContain("Exception");
        }
    }

    /** Found by FhirParametersFuzzTest (seeds property-named-empty.json, fuzzed-empty-property-name.bin): HAPI's parser threw, answered 500 with an ERROR. */
    @Test
    void aPropertyWithAnEmptyNameIs400NotAnError(CapturedOutput output) {
        FhirClients.Raw raw = FhirClients.post(port, "/$generate-soap", KEY_A, "application/fhir+json",
                "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"transcript\",\"\":\"" + CANARY + "\"}]}");
        assertThat(raw.status()).as(raw.body()).isEqualTo(400);
        assertThat(raw.body()).contains("OperationOutcome").contains("\"invalid\"").doesNotContain(CANARY);
        assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain(CANARY);
    }

    @Test
    void unauthenticatedBodyIsNotRead() {
        FhirClients.Raw raw = FhirClients.post(port, "/$generate-soap", null, "application/fhir+json", "{not json " + CANARY);
        assertThat(raw.status()).isEqualTo(401);
        assertThat(raw.body()).doesNotContain(CANARY);
    }
}
