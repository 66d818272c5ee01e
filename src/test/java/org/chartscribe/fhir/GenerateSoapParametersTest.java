package org.chartscribe.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;

class GenerateSoapParametersTest {
    private static final String TRANSCRIPT = SampleNotes.transcript("low-back-pain-np.txt");
    private static final InvocationTarget SYSTEM = new InvocationTarget.System();

    private static Parameters with(Object... nameValue) {
        Parameters parameters = new Parameters();
        for (int i = 0; i < nameValue.length; i += 2) {
            parameters.addParameter().setName((String) nameValue[i]).setValue((Type) nameValue[i + 1]);
        }
        return parameters;
    }

    private static FhirRequestException fails(Parameters parameters, InvocationTarget target) {
        return catchThrowableOfType(FhirRequestException.class, () -> GenerateSoapParameters.parse(parameters, target));
    }

    @Test
    void defaults() {
        GenerateSoapRequest request = GenerateSoapParameters.parse(with("transcript", new StringType(TRANSCRIPT)), SYSTEM);
        assertThat(request.transcriptNote().orElseThrow().specialty().id()).isEqualTo("generic");
        assertThat(request.transcriptNote().orElseThrow().template().id()).isEqualTo("standard");
        assertThat(request.transcriptNote().orElseThrow().includeBillingCodes()).isFalse();
        assertThat(request.dialect()).isEqualTo(FhirDialect.GENERIC);
        assertThat(request.chart()).isEqualTo(ChartReferences.NONE);
    }

    @Test
    void everyParameterIsRead() {
        GenerateSoapRequest request = GenerateSoapParameters.parse(with("transcript", new StringType(TRANSCRIPT),
                "specialty", new CodeType("psychotherapist"), "template", new CodeType("dap"),
                "includeBillingCodes", new BooleanType(true), "writeBack", new BooleanType(false),
                "patient", new Reference("Patient/1"), "encounter", new Reference("https://ehr.example/fhir/Encounter/2"),
                "practitioner", new Reference("PractitionerRole/3"), "dialect", new CodeType("epic")), SYSTEM);
        assertThat(request.transcriptNote().orElseThrow().template().id()).isEqualTo("dap");
        assertThat(request.transcriptNote().orElseThrow().includeBillingCodes()).isTrue();
        assertThat(request.chart().encounter().orElseThrow().getReference()).isEqualTo("https://ehr.example/fhir/Encounter/2");
        assertThat(request.dialect()).isEqualTo(FhirDialect.EPIC);
    }

    @Test
    void instanceLevelTakesTheIdFromTheUrlAndRefusesTheSameParameter() {
        GenerateSoapRequest request = GenerateSoapParameters.parse(with("transcript", new StringType(TRANSCRIPT),
                "patient", new Reference("Patient/7")), new InvocationTarget.OnEncounter("e9"));
        assertThat(request.chart().encounter().orElseThrow().getReference()).isEqualTo("Encounter/e9");
        assertThat(request.chart().patient().orElseThrow().getReference()).isEqualTo("Patient/7");
        FhirRequestException e = fails(with("transcript", new StringType(TRANSCRIPT), "patient", new Reference("Patient/7")),
                new InvocationTarget.OnPatient("p1"));
        assertThat(e.issues()).extracting(FhirRequestException.Issue::parameter).containsExactly("patient");
    }

    @Test
    void problemsAreAllReportedWithTheirIssueTypes() {
        FhirRequestException e = fails(with("specialty", new StringType("physician"), "template", new CodeType("soap"),
                "transcript", new StringType("too short"), "dialect", new CodeType("allscripts"), "extra", new StringType("x"),
                "practitioner", new Reference("Patient/1")), SYSTEM);
        assertThat(e.issues()).extracting(FhirRequestException.Issue::type).containsOnly(IssueType.INVALID);
        assertThat(e.issues()).extracting(FhirRequestException.Issue::parameter)
                .containsExactlyInAnyOrder(null, "transcript", "specialty", "template", "dialect", "practitioner");
        assertThat(e.onlyNotSupported()).isFalse();
    }

    @Test
    void missingTranscriptIsRequiredAndBothInputsAreInvalid() {
        assertThat(fails(new Parameters(), SYSTEM).issues().get(0).type()).isEqualTo(IssueType.REQUIRED);
        Attachment audio = new Attachment().setContentType("audio/wav").setData(new byte[] {1});
        assertThat(fails(with("transcript", new StringType(TRANSCRIPT), "audio", audio), SYSTEM).issues().get(0).type())
                .isEqualTo(IssueType.INVALID);
    }

    @Test
    void anInlineRecordingIsTheInputWithTheNoteFields() {
        GenerateSoapRequest request = GenerateSoapParameters.parse(with("audio",
                new Attachment().setContentType("audio/ogg").setData(new byte[] {1, 2, 3}),
                "specialty", new CodeType("physician"), "includeBillingCodes", new BooleanType(true)), SYSTEM);

        GenerateSoapRequest.Recording recording = (GenerateSoapRequest.Recording) request.input();
        assertThat(recording.audio()).containsExactly(1, 2, 3);
        assertThat(recording.options().specialty().id()).isEqualTo("physician");
        assertThat(recording.options().includeBillingCodes()).isTrue();
        assertThat(request.transcriptNote()).isEmpty();
    }

    @Test
    void audioByUrlIsNotFetchedAndAudioWithoutBytesIsRequired() {
        FhirRequestException byUrl = fails(with("audio", new Attachment().setUrl("https://example.org/visit.mp3")), SYSTEM);
        assertThat(byUrl.onlyNotSupported()).isTrue();
        assertThat(byUrl.issues().get(0).message()).isEqualTo(GenerateSoapParameters.AUDIO_BY_URL);

        FhirRequestException nothing = fails(with("audio", new Attachment().setContentType("audio/wav")), SYSTEM);
        assertThat(nothing.issues().get(0).type()).isEqualTo(IssueType.REQUIRED);

        // an Attachment with nothing in it is no valueAttachment at all
        FhirRequestException empty = fails(with("audio", new Attachment().setData(new byte[0])), SYSTEM);
        assertThat(empty.issues().get(0).type()).isEqualTo(IssueType.INVALID);
    }

    @Test
    void writeBackIsReadAndDuplicatesAreInvalid() {
        // Whether a write-back is possible depends on the caller (a SMART session), not on the parameters.
        assertThat(GenerateSoapParameters.parse(with("transcript", new StringType(TRANSCRIPT), "writeBack",
                new BooleanType(true)), SYSTEM).writeBack()).isTrue();
        assertThat(GenerateSoapParameters.parse(with("transcript", new StringType(TRANSCRIPT)), SYSTEM).writeBack()).isFalse();
        assertThat(fails(with("transcript", new StringType(TRANSCRIPT), "transcript", new StringType(TRANSCRIPT)), SYSTEM)
                .issues().get(0).type()).isEqualTo(IssueType.INVALID);
    }

    @Test
    void messagesNeverRepeatTheValuesSent() {
        FhirRequestException e = fails(with("transcript", new StringType("CANARY-123"), "specialty", new CodeType("CANARY-456")), SYSTEM);
        assertThat(e.issues()).allSatisfy(i -> assertThat(i.message()).doesNotContain("CANARY"));
    }

    @Test
    void unknownParameterNamesAreNeitherRepeatedNorUsedAsTheLocation() {
        FhirRequestException e = fails(with("transcript", new StringType(TRANSCRIPT),
                "x\n2026-12-04 WARN forged CANARY-Jane", new StringType("v"), "other", new StringType("v")), SYSTEM);

        assertThat(e.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.parameter()).isNull();
            assertThat(issue.message()).doesNotContain("CANARY", "forged", "other", "\n")
                    .isEqualTo("2 unknown parameters were sent; known: audio, dialect, encounter, includeBillingCodes, "
                            + "patient, practitioner, specialty, template, transcript, writeBack.");
        });
    }

    /** Found by FhirParametersFuzzTest (seed transcript-with-only-an-extension.json): it was a NoSuchElementException, a 500. */
    @Test
    void aPrimitiveWithOnlyAnExtensionAndNoValueIsInvalid() {
        StringType transcript = new StringType();
        transcript.addExtension("http://example.org/x", new IntegerType(1));
        CodeType specialty = new CodeType();
        specialty.addExtension("http://example.org/x", new IntegerType(1));
        FhirRequestException e = fails(with("transcript", transcript, "specialty", specialty), SYSTEM);
        assertThat(e.issues()).extracting(FhirRequestException.Issue::parameter).containsExactly("transcript", "specialty");
        assertThat(e.issues()).extracting(FhirRequestException.Issue::type).containsOnly(IssueType.INVALID);
    }
}
