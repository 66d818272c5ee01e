package org.chartscribe.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.chartscribe.api.AppTestBase;
import org.chartscribe.fhir.FhirCanonicals;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;

/** $generate-soap and the conformance resources through HAPI's generic client over real HTTP. */
class FhirGenerateSoapIT extends AppTestBase {

    private IGenericClient client() {
        return FhirClients.client(port, KEY_A);
    }


    private static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private Bundle generate(Parameters parameters) {
        Bundle bundle = client().operation().onServer().named("$generate-soap").withParameters(parameters)
                .returnResourceType(Bundle.class).execute();
        assertThat(FhirClients.validationErrors(bundle)).isEmpty();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            assertThat(FhirClients.validationErrors(entry.getResource())).as(entry.getResource().fhirType()).isEmpty();
        }
        return bundle;
    }

    @Test
    void systemLevelTranscriptOnlyGivesAValidCollectionBundle() {
        String transcript = FhirClients.transcript("low-back-pain-np.txt");
        Bundle bundle = generate(FhirClients.withTranscript(transcript));

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        DocumentReference note = all(bundle, DocumentReference.class).get(0);
        assertThat(note.getStatus().toCode()).isEqualTo("current");
        assertThat(note.getDocStatus().toCode()).isEqualTo("preliminary");
        assertThat(note.getType().getCodingFirstRep().getCode()).isEqualTo("11506-3");
        assertThat(note.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("clinical-note");
        assertThat(note.getIdentifierFirstRep().getSystem()).isEqualTo("urn:chartscribe:note");
        assertThat(note.getIdentifierFirstRep().getValue()).startsWith("note_");
        assertThat(note.getSubject().getDisplay()).contains("not identified");
        String text = new String(note.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8);
        assertThat(note.getContentFirstRep().getAttachment().getContentType()).isEqualTo("text/plain;charset=utf-8");
        assertThat(text).contains("SUBJECTIVE", "OBJECTIVE", "ASSESSMENT", "PLAN");
        // No billing codes exist yet: nothing is invented.
        assertThat(all(bundle, org.hl7.fhir.r4.model.Condition.class)).isEmpty();
        assertThat(all(bundle, org.hl7.fhir.r4.model.Claim.class)).isEmpty();
        Device device = all(bundle, Device.class).get(0);
        assertThat(device.getVersionFirstRep().getValue()).isNotBlank();
        Provenance provenance = all(bundle, Provenance.class).get(0);
        assertThat(provenance.getTargetFirstRep().getReference()).isEqualTo(bundle.getEntry().get(0).getFullUrl());
        assertThat(provenance.getActivity().getCodingFirstRep().getCode()).isEqualTo("CREATE");
        String deviceUrl = bundle.getEntry().stream().filter(e -> e.getResource() == device).findFirst().orElseThrow().getFullUrl();
        assertThat(deviceUrl).startsWith("urn:uuid:");
        assertThat(note.getAuthorFirstRep().getReference()).isEqualTo(deviceUrl);

        // The note is the same one /v1 serves to this tenant.
        String noteId = note.getIdentifierFirstRep().getValue();
        assertThat(new org.chartscribe.fhir.server.FhirV1Probe(port).status("/v1/note/" + noteId, KEY_A)).isEqualTo(200);
        assertThat(new org.chartscribe.fhir.server.FhirV1Probe(port).status("/v1/note/" + noteId, KEY_B)).isEqualTo(404);
    }

    @Test
    void patientLevelWithSpecialtyTemplateAndPractitioner() {
        Parameters parameters = FhirClients.withTranscript(FhirClients.transcript("low-back-pain-np.txt"));
        parameters.addParameter().setName("specialty").setValue(new CodeType("physical_therapy"));
        parameters.addParameter().setName("template").setValue(new CodeType("brief"));
        parameters.addParameter().setName("encounter").setValue(new Reference("Encounter/e-77"));
        parameters.addParameter().setName("practitioner").setValue(new Reference("Practitioner/dr-5"));
        Bundle bundle = client().operation().onInstance("Patient/p-42").named("$generate-soap")
                .withParameters(parameters).returnResourceType(Bundle.class).execute();
        assertThat(FhirClients.validationErrors(bundle)).isEmpty();
        DocumentReference note = all(bundle, DocumentReference.class).get(0);
        assertThat(note.getSubject().getReference()).isEqualTo("Patient/p-42");
        assertThat(note.getContext().getEncounterFirstRep().getReference()).isEqualTo("Encounter/e-77");
        assertThat(note.getAuthorFirstRep().getReference()).isEqualTo("Practitioner/dr-5");
        assertThat(note.getType().getCodingFirstRep().getCode()).isEqualTo("11508-9");
        assertThat(all(bundle, Provenance.class).get(0).getAgent()).hasSize(2);
    }

    @Test
    void encounterLevelOracleDialectClosesThePeriod() {
        Parameters parameters = FhirClients.withTranscript(FhirClients.transcript("low-back-pain-np.txt"));
        parameters.addParameter().setName("dialect").setValue(new CodeType("oracle"));
        parameters.addParameter().setName("patient").setValue(new Reference("Patient/p-1"));
        parameters.addParameter().setName("practitioner").setValue(new Reference("PractitionerRole/r-1"));
        Bundle bundle = client().operation().onInstance("Encounter/e-9").named("$generate-soap")
                .withParameters(parameters).returnResourceType(Bundle.class).execute();
        assertThat(FhirClients.validationErrors(bundle)).isEmpty();
        DocumentReference note = all(bundle, DocumentReference.class).get(0);
        assertThat(note.getContext().getEncounterFirstRep().getReference()).isEqualTo("Encounter/e-9");
        assertThat(note.getContext().getPeriod().hasEnd()).isTrue();
    }

    @Test
    void billingCodesBecomeConditionsAndADraftClaim() {
        Parameters parameters = FhirClients.withTranscript(FhirClients.transcript("low-back-pain-np.txt"));
        parameters.addParameter().setName("includeBillingCodes").setValue(new BooleanType(true));
        parameters.addParameter().setName("practitioner").setValue(new Reference("Practitioner/dr-5"));
        Bundle bundle = generate(parameters);

        List<Condition> conditions = all(bundle, Condition.class);
        assertThat(conditions).isNotEmpty();
        Condition principal = conditions.get(0);
        assertThat(principal.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://hl7.org/fhir/sid/icd-10-cm");
        assertThat(principal.getCode().getCodingFirstRep().getCode()).startsWith("M54.5");
        assertThat(principal.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("provisional");
        assertThat(principal.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("encounter-diagnosis");

        Claim claim = all(bundle, Claim.class).get(0);
        assertThat(claim.getStatus().toCode()).isEqualTo("draft");
        assertThat(claim.getDiagnosis()).hasSameSizeAs(conditions);
        assertThat(claim.getItem()).isNotEmpty();
        Claim.ItemComponent visit = claim.getItem().get(0);
        assertThat(visit.getProductOrService().getCodingFirstRep().getSystem()).isEqualTo("http://www.ama-assn.org/go/cpt");
        assertThat(visit.getProductOrService().getCodingFirstRep().getCode()).matches("992\\d\\d");
        assertThat(visit.getDiagnosisSequence()).isNotEmpty();
        assertThat(all(bundle, Provenance.class).get(0).getTarget()).hasSize(1 + conditions.size() + 1);
    }

    @Test
    void epicGetsProblemListConditionsAndNoClaim() {
        Parameters parameters = FhirClients.withTranscript(FhirClients.transcript("low-back-pain-np.txt"));
        parameters.addParameter().setName("includeBillingCodes").setValue(new BooleanType(true));
        parameters.addParameter().setName("dialect").setValue(new CodeType("epic"));
        Bundle bundle = generate(parameters);

        assertThat(all(bundle, Condition.class)).isNotEmpty().allSatisfy(c ->
                assertThat(c.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("problem-list-item"));
        assertThat(all(bundle, Claim.class)).isEmpty();
        assertThat(all(bundle, ChargeItem.class)).isEmpty();
    }

    @Test
    void oracleGetsChargeItemsInsteadOfAClaim() {
        Parameters parameters = FhirClients.withTranscript(FhirClients.transcript("low-back-pain-np.txt"));
        parameters.addParameter().setName("includeBillingCodes").setValue(new BooleanType(true));
        parameters.addParameter().setName("dialect").setValue(new CodeType("oracle"));
        parameters.addParameter().setName("practitioner").setValue(new Reference("Practitioner/dr-5"));
        Bundle bundle = generate(parameters);

        assertThat(all(bundle, Claim.class)).isEmpty();
        assertThat(all(bundle, ChargeItem.class)).isNotEmpty().allSatisfy(item ->
                assertThat(item.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://www.ama-assn.org/go/cpt"));
    }

    @Test
    void capabilityStatementIsPublicValidAndPointsAtTheOperationAndProfiles() {
        CapabilityStatement cs = FhirClients.client(port, null).capabilities().ofType(CapabilityStatement.class).execute();
        assertThat(FhirClients.validationErrors(cs)).isEmpty();
        assertThat(cs.getRestFirstRep().getOperation()).anyMatch(o -> o.getName().equals("generate-soap")
                && o.getDefinition().equals(FhirCanonicals.GENERATE_SOAP_OPERATION));
        assertThat(cs.getRestFirstRep().getResource()).anyMatch(r -> r.getType().equals("DocumentReference")
                && r.getSupportedProfile().stream().anyMatch(p -> p.getValue().equals(FhirCanonicals.NOTE_PROFILE)));
        assertThat(cs.getRestFirstRep().getResource()).anyMatch(r -> r.getType().equals(Patient.class.getSimpleName())
                && !r.getOperation().isEmpty());
        assertThat(cs.getRestFirstRep().getResource()).anyMatch(r -> r.getType().equals(Encounter.class.getSimpleName()));
    }

    @Test
    void conformanceResourcesAreServedPubliclyAndValidate() {
        IGenericClient anonymous = FhirClients.client(port, null);
        OperationDefinition operation = anonymous.read().resource(OperationDefinition.class).withId("generate-soap").execute();
        assertThat(operation.getUrl()).isEqualTo(FhirCanonicals.GENERATE_SOAP_OPERATION);
        assertThat(FhirClients.validationErrors(operation)).isEmpty();
        StructureDefinition note = anonymous.read().resource(StructureDefinition.class).withId("chartscribe-note").execute();
        assertThat(note.getUrl()).isEqualTo(FhirCanonicals.NOTE_PROFILE);
        CodeSystem specialties = anonymous.read().resource(CodeSystem.class).withId("specialty").execute();
        assertThat(specialties.getConcept()).hasSize(24);
        Bundle valueSets = anonymous.search().forResource(ValueSet.class).returnBundle(Bundle.class).execute();
        assertThat(valueSets.getEntry()).hasSize(2);
    }
}
