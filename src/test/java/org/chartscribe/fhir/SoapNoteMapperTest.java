package org.chartscribe.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.chartscribe.note.StoredNote;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The mapping per dialect, and every produced resource validated (base R4 + profiles, US Core 6.1.0 when present). */
class SoapNoteMapperTest {
    private static final StoredNote NOTE = SampleNotes.note("physical_therapy");

    private static SoapNoteResources map(FhirDialect dialect, BillingSuggestions codes) {
        return SoapNoteMapper.map(NOTE, SampleNotes.FULL_CHART, codes, dialect);
    }

    @ParameterizedTest
    @EnumSource(FhirDialect.class)
    void everyDialectValidatesAgainstBaseR4AndOwnProfiles(FhirDialect dialect) {
        for (BillingSuggestions codes : List.of(BillingSuggestions.NONE, SampleNotes.TEST_CODES)) {
            Bundle bundle = map(dialect, codes).toBundle();
            assertThat(SharedValidator.baseOnly().errors(bundle)).as(dialect + "\n" + SharedValidator.json(bundle)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(FhirDialect.class)
    void everyDialectValidatesAgainstUsCore610(FhirDialect dialect) {
        assumeTrue(SharedValidator.usCoreAvailable(), SharedValidator.usCoreMissing());
        for (BillingSuggestions codes : List.of(BillingSuggestions.NONE, SampleNotes.TEST_CODES)) {
            SoapNoteResources resources = map(dialect, codes);
            assertThat(SharedValidator.usCore().errors(resources.toBundle())).isEmpty();
            resources.all().forEach(r -> assertThat(SharedValidator.describe(SharedValidator.usCore().errors(r)))
                    .as(r.fhirType()).isEmpty());
        }
    }

    @Test
    void usCoreValidatorCatchesAProfileViolation() {
        assumeTrue(SharedValidator.usCoreAvailable(), SharedValidator.usCoreMissing());
        DocumentReference note = map(FhirDialect.GENERIC, BillingSuggestions.NONE).note();
        note.getContentFirstRep().getAttachment().setContentType("application/pdf");
        note.setSubject(null);
        assertThat(SharedValidator.describe(SharedValidator.usCore().errors(note)))
                .contains("subject").contains("text/plain;charset=utf-8");
    }

    @Test
    void documentReferenceCarriesTheWholeNote() {
        DocumentReference doc = map(FhirDialect.GENERIC, BillingSuggestions.NONE).note();
        assertThat(doc.getStatus().toCode()).isEqualTo("current");
        assertThat(doc.getDocStatus().toCode()).isEqualTo("preliminary");
        assertThat(doc.getType().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(doc.getType().getCodingFirstRep().getCode()).isEqualTo("11508-9");
        assertThat(doc.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("clinical-note");
        assertThat(doc.getIdentifierFirstRep().getValue()).isEqualTo(NOTE.noteId());
        assertThat(doc.getSubject().getReference()).isEqualTo("Patient/p1");
        assertThat(doc.getContext().getEncounterFirstRep().getReference()).isEqualTo("Encounter/e1");
        assertThat(doc.getAuthorFirstRep().getReference()).isEqualTo("Practitioner/dr1");
        assertThat(doc.getContent()).hasSize(1);
        String text = new String(doc.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("SUBJECTIVE").contains("\n\nOBJECTIVE\n\n", "\n\nASSESSMENT\n\n", "\n\nPLAN\n\n")
                .contains(NOTE.draft().render(org.chartscribe.note.SoapPart.PLAN));
    }

    @Test
    void specialtyPicksItsLoincDocumentTypeOrProgressNote() {
        assertThat(NoteDocumentTypes.forSpecialty("psychiatrist").code()).isEqualTo("28627-8");
        assertThat(NoteDocumentTypes.forSpecialty("dentist").code()).isEqualTo("28617-9");
        assertThat(NoteDocumentTypes.forSpecialty("veterinary").code()).isEqualTo("11506-3");
        assertThat(NoteDocumentTypes.forSpecialty("generic")).isEqualTo(NoteDocumentTypes.PROGRESS_NOTE);
    }

    @Test
    void withoutCodesThereAreNoConditionsAndNoCharges() {
        for (FhirDialect dialect : FhirDialect.values()) {
            SoapNoteResources resources = map(dialect, BillingSuggestions.NONE);
            assertThat(resources.conditions()).isEmpty();
            assertThat(resources.claim()).isEmpty();
            assertThat(resources.chargeItems()).isEmpty();
            assertThat(resources.provenance().getTarget()).hasSize(1);
        }
    }

    @Test
    void genericMakesEncounterDiagnosesAndASequencedDraftClaim() {
        SoapNoteResources resources = map(FhirDialect.GENERIC, SampleNotes.TEST_CODES);
        Condition first = resources.conditions().get(0);
        assertThat(first.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("encounter-diagnosis");
        assertThat(first.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("provisional");
        assertThat(first.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
        assertThat(first.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://hl7.org/fhir/sid/icd-10-cm");
        assertThat(first.getCode().getText()).isEqualTo("Low back pain, unspecified");
        assertThat(first.getEvidenceFirstRep().getDetailFirstRep().getReference())
                .isEqualTo("urn:uuid:" + resources.note().getIdElement().getIdPart());
        assertThat(first.getNoteFirstRep().getText()).contains("40-63");

        Claim claim = resources.claim().orElseThrow();
        assertThat(claim.getStatus().toCode()).isEqualTo("draft");
        assertThat(claim.getUse().toCode()).isEqualTo("claim");
        assertThat(claim.getProvider().getReference()).isEqualTo("Practitioner/dr1");
        assertThat(claim.getDiagnosis()).extracting(d -> d.getSequence()).containsExactly(1, 2);
        assertThat(claim.getItemFirstRep().getProductOrService().getCodingFirstRep().getSystem())
                .isEqualTo("http://www.ama-assn.org/go/cpt");
        assertThat(claim.getItemFirstRep().getDiagnosisSequence()).extracting(p -> p.getValue()).containsExactly(1, 2);
        assertThat(claim.getInsuranceFirstRep().getCoverage().hasReference()).isFalse();
        assertThat(resources.chargeItems()).isEmpty();
        assertThat(resources.provenance().getTarget()).hasSize(4);
    }

    @Test
    void claimItemsCarryTheBareCptCodeWithItsModifiersInModifier() {
        BillingSuggestions codes = new BillingSuggestions(SampleNotes.TEST_CODES.diagnoses(),
                List.of(new CptSuggestion("99214", "Office visit, established, moderate MDM", List.of("25", "95")),
                        new CptSuggestion("20610", "Arthrocentesis, major joint")));
        Claim claim = map(FhirDialect.GENERIC, codes).claim().orElseThrow();
        assertThat(claim.getItem().get(0).getProductOrService().getCodingFirstRep().getCode()).isEqualTo("99214");
        assertThat(claim.getItem().get(0).getModifier()).extracting(m -> m.getCodingFirstRep().getCode())
                .containsExactly("25", "95");
        assertThat(claim.getItem().get(1).getModifier()).isEmpty();
        assertThat(SharedValidator.baseOnly().errors(map(FhirDialect.GENERIC, codes).toBundle())).isEmpty();
    }

    @Test
    void epicPutsProvisionalProblemsOnTheListAndHasNoCharges() {
        SoapNoteResources resources = map(FhirDialect.EPIC, SampleNotes.TEST_CODES);
        assertThat(resources.conditions()).allMatch(c ->
                c.getCategoryFirstRep().getCodingFirstRep().getCode().equals("problem-list-item")
                        && c.getVerificationStatus().getCodingFirstRep().getCode().equals("provisional"));
        assertThat(resources.claim()).isEmpty();
        assertThat(resources.chargeItems()).isEmpty();
        assertThat(resources.note().getContext().getPeriod().hasEnd()).isFalse();
    }

    @Test
    void oracleNeedsAnAuthorClosesThePeriodAndUsesChargeItems() {
        ChartReferences noAuthor = new ChartReferences(SampleNotes.FULL_CHART.patient(), SampleNotes.FULL_CHART.encounter(),
                Optional.empty());
        assertThatThrownBy(() -> SoapNoteMapper.map(NOTE, noAuthor, BillingSuggestions.NONE, FhirDialect.ORACLE))
                .isInstanceOfSatisfying(FhirRequestException.class, e ->
                        assertThat(e.issues().get(0).type()).isEqualTo(OperationOutcome.IssueType.REQUIRED));
        SoapNoteResources resources = map(FhirDialect.ORACLE, SampleNotes.TEST_CODES);
        assertThat(resources.note().getContext().getPeriod().hasEnd()).isTrue();
        assertThat(resources.conditions()).allMatch(c ->
                c.getCategoryFirstRep().getCodingFirstRep().getCode().equals("encounter-diagnosis"));
        assertThat(resources.claim()).isEmpty();
        assertThat(resources.chargeItems()).hasSize(1);
        assertThat(resources.chargeItems().get(0).getReason()).hasSize(2);
    }

    @Test
    void withoutPatientOrPractitionerTheDraftIsStillValidAndSaysSo() {
        SoapNoteResources resources = SoapNoteMapper.map(NOTE, ChartReferences.NONE, SampleNotes.TEST_CODES, FhirDialect.GENERIC);
        assertThat(resources.note().getSubject().getDisplay()).isEqualTo(MappingContext.UNIDENTIFIED_PATIENT);
        assertThat(resources.note().getAuthorFirstRep().getReference())
                .isEqualTo("urn:uuid:" + resources.device().getIdElement().getIdPart());
        assertThat(resources.claim()).isEmpty();
        assertThat(resources.notices().orElseThrow().getIssue())
                .anyMatch(i -> i.getDetails().getText().equals(SoapNoteMapper.NO_CLAIM_WITHOUT_PROVIDER));
        assertThat(SharedValidator.baseOnly().errors(resources.toBundle())).isEmpty();
    }

    @Test
    void mappingIsDeterministicAndReferencesResolveInsideTheBundle() {
        Bundle a = map(FhirDialect.GENERIC, SampleNotes.TEST_CODES).toBundle();
        Bundle b = map(FhirDialect.GENERIC, SampleNotes.TEST_CODES).toBundle();
        assertThat(SharedValidator.json(a)).isEqualTo(SharedValidator.json(b));
        List<String> fullUrls = a.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).toList();
        for (Reference target : map(FhirDialect.GENERIC, SampleNotes.TEST_CODES).provenance().getTarget()) {
            assertThat(fullUrls).contains(target.getReference());
        }
    }
}
