package org.chartscribe.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.StoredNote;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The note a clinician approved: edited text as sent, final status, only kept codes, identifiers on everything. */
class ApprovedNoteMappingTest {
    private static final StoredNote DRAFT = SampleNotes.note("physical_therapy");
    private static final String EDITED_PLAN = "Plan:\nHome exercise program twice daily.\nFollow up in 2 weeks.";

    private static StoredNote approved() {
        return ApprovedNote.of(DRAFT, Map.of(SoapPart.PLAN, EDITED_PLAN + "\r\n"));
    }

    private static String text(DocumentReference doc) {
        return new String(doc.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8);
    }

    @Test
    void editedDivisionIsWrittenAsSentWithoutASecondHeading() {
        DocumentReference doc = SoapNoteMapper.mapApproved(approved(), SampleNotes.FULL_CHART,
                BillingSuggestions.NONE, FhirDialect.GENERIC).note();
        String text = text(doc);
        assertThat(text).endsWith("PLAN\n\n" + EDITED_PLAN + "\n").doesNotContain("Plan:\nPlan:");
        // Divisions the clinician did not send keep the draft's text.
        assertThat(text).contains(DRAFT.draft().render(SoapPart.SUBJECTIVE))
                .doesNotContain(DRAFT.draft().render(SoapPart.PLAN));
    }

    @Test
    void withoutAPractitionerTheWrittenNoteNamesTheEngineByIdentifierNotAResourceThatIsNeverWritten() {
        ChartReferences noAuthor = new ChartReferences(SampleNotes.FULL_CHART.patient(), SampleNotes.FULL_CHART.encounter(),
                java.util.Optional.empty());
        DocumentReference doc = SoapNoteMapper.mapApproved(approved(), noAuthor, BillingSuggestions.NONE,
                FhirDialect.GENERIC).note();
        assertThat(doc.getAuthor()).singleElement().satisfies(author -> {
            assertThat(author.hasReference()).as("no urn:uuid of an unwritten Device").isFalse();
            assertThat(author.getType()).isEqualTo("Device");
            assertThat(author.getIdentifier().getSystem()).isEqualTo(FhirCanonicals.DEVICE_IDENTIFIER_SYSTEM);
        });
        // The collection Bundle of $generate-soap still points at its Device entry.
        assertThat(SoapNoteMapper.map(DRAFT, noAuthor, BillingSuggestions.NONE, FhirDialect.GENERIC).note()
                .getAuthorFirstRep().getReference()).startsWith("urn:uuid:");
    }

    @Test
    void aDivisionTheClinicianClearedSaysNothingWasDocumented() {
        StoredNote cleared = ApprovedNote.of(DRAFT, Map.of(SoapPart.OBJECTIVE, "  \n "));
        String text = text(SoapNoteMapper.mapApproved(cleared, SampleNotes.FULL_CHART, BillingSuggestions.NONE,
                FhirDialect.GENERIC).note());
        assertThat(text).contains("OBJECTIVE\n\n(nothing documented)\n\nASSESSMENT");
        assertThat(cleared.noteId()).isEqualTo(DRAFT.noteId());
        assertThat(cleared.draft().warnings()).isEmpty();
    }

    @Test
    void approvedDocumentIsFinalAndTheDraftStaysPreliminary() {
        DocumentReference approved = SoapNoteMapper.mapApproved(approved(), SampleNotes.FULL_CHART,
                BillingSuggestions.NONE, FhirDialect.EPIC).note();
        DocumentReference draft = SoapNoteMapper.map(DRAFT, SampleNotes.FULL_CHART,
                BillingSuggestions.NONE, FhirDialect.EPIC).note();
        assertThat(approved.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.FINAL);
        assertThat(approved.getContentFirstRep().getAttachment().getTitle()).isEqualTo("SOAP note");
        assertThat(approved.getAuthenticator().getReference()).isEqualTo("Practitioner/dr1");
        assertThat(draft.hasAuthenticator()).isFalse();
        assertThat(draft.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.PRELIMINARY);
        assertThat(approved.getIdentifierFirstRep().getSystem()).isEqualTo("urn:chartscribe:note");
        assertThat(approved.getIdentifierFirstRep().getValue()).isEqualTo(DRAFT.noteId());
    }

    @Test
    void onlyKeptCodesBecomeResourcesEachWithItsOwnIdentifier() {
        BillingSuggestions kept = new BillingSuggestions(List.of(SampleNotes.TEST_CODES.diagnoses().get(1)),
                SampleNotes.TEST_CODES.procedures());
        SoapNoteResources generic = SoapNoteMapper.mapApproved(approved(), SampleNotes.FULL_CHART, kept, FhirDialect.GENERIC);
        assertThat(generic.conditions()).singleElement().satisfies(c -> {
            assertThat(c.getCode().getCodingFirstRep().getCode()).isEqualTo("I10");
            assertThat(c.getIdentifierFirstRep().getSystem()).isEqualTo("urn:chartscribe:condition");
            assertThat(c.getIdentifierFirstRep().getValue()).isEqualTo(DRAFT.noteId() + "/I10");
        });
        assertThat(generic.claim().orElseThrow().getIdentifierFirstRep().getValue()).isEqualTo(DRAFT.noteId());
        assertThat(generic.claim().orElseThrow().getDiagnosis()).hasSize(1);

        SoapNoteResources oracle = SoapNoteMapper.mapApproved(approved(), SampleNotes.FULL_CHART, kept, FhirDialect.ORACLE);
        assertThat(oracle.chargeItems()).singleElement().satisfies(c -> {
            assertThat(c.getIdentifierFirstRep().getSystem()).isEqualTo("urn:chartscribe:charge-item");
            assertThat(c.getIdentifierFirstRep().getValue()).isEqualTo(DRAFT.noteId() + "/99213");
        });
    }

    @Test
    void provenanceNamesTheEngineByIdentifierAndIsTaggedWithTheNote() {
        Provenance provenance = SoapNoteMapper.mapApproved(approved(), SampleNotes.FULL_CHART,
                SampleNotes.TEST_CODES, FhirDialect.GENERIC).provenance();
        assertThat(provenance.getMeta().getTag(FhirCanonicals.PROVENANCE_TAG_SYSTEM, DRAFT.noteId())).isNotNull();
        assertThat(provenance.getAgentFirstRep().getWho().getReference()).isNull();
        assertThat(provenance.getAgentFirstRep().getWho().getIdentifier().getSystem()).isEqualTo("urn:chartscribe:device");
        assertThat(provenance.getAgent().get(1).getWho().getReference()).isEqualTo("Practitioner/dr1");
    }

    @ParameterizedTest
    @EnumSource(FhirDialect.class)
    void approvedResourcesValidateAgainstBaseR4AndOwnProfiles(FhirDialect dialect) {
        Bundle bundle = SoapNoteMapper.mapApproved(approved(), SampleNotes.FULL_CHART, SampleNotes.TEST_CODES, dialect)
                .toBundle();
        assertThat(SharedValidator.baseOnly().errors(bundle)).as(SharedValidator.json(bundle)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(FhirDialect.class)
    void approvedResourcesValidateAgainstUsCore610(FhirDialect dialect) {
        assumeTrue(SharedValidator.usCoreAvailable(), SharedValidator.usCoreMissing());
        SoapNoteResources resources = SoapNoteMapper.mapApproved(approved(), SampleNotes.FULL_CHART,
                SampleNotes.TEST_CODES, dialect);
        assertThat(SharedValidator.usCore().errors(resources.toBundle())).isEmpty();
    }
}
