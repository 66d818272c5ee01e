package org.chartscribe.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.chartscribe.fhir.conformance.ConformanceResources;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Specialty;
import org.chartscribe.note.Template;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.junit.jupiter.api.Test;

/** fhir-profiles/ agrees with the code: same files, same specialties, same templates and parameters, all valid. */
class ConformanceResourcesTest {
    private static final ConformanceResources PROFILES = ConformanceResources.load(SharedValidator.FHIR);

    @Test
    void everyFileInTheFolderIsLoaded() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("fhir-profiles"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
                    .containsExactlyInAnyOrderElementsOf(ConformanceResources.FILES);
        }
    }

    @Test
    void canonicalsUseTheBaseAndTheId() {
        for (MetadataResource resource : PROFILES.all()) {
            assertThat(resource.getUrl()).isEqualTo(FhirCanonicals.BASE + "/" + resource.fhirType() + "/"
                    + resource.getIdElement().getIdPart());
        }
        assertThat(PROFILES.byUrl(FhirCanonicals.NOTE_PROFILE)).isPresent();
        assertThat(PROFILES.byUrl(FhirCanonicals.CLAIM_PROFILE)).isPresent();
        assertThat(PROFILES.byUrl(FhirCanonicals.GENERATE_SOAP_OPERATION)).isPresent();
    }

    @Test
    void codeSystemsMatchTheSpecialtiesAndTemplates() {
        CodeSystem specialties = (CodeSystem) PROFILES.byUrl(FhirCanonicals.SPECIALTY_SYSTEM).orElseThrow();
        assertThat(specialties.getConcept()).extracting(CodeSystem.ConceptDefinitionComponent::getCode)
                .containsExactlyElementsOf(Specialties.all().stream().map(Specialty::id).toList());
        CodeSystem templates = (CodeSystem) PROFILES.byUrl(FhirCanonicals.TEMPLATE_SYSTEM).orElseThrow();
        assertThat(templates.getConcept()).extracting(CodeSystem.ConceptDefinitionComponent::getCode)
                .containsExactlyElementsOf(Stream.of(Template.values()).map(Template::id).toList());
    }

    @Test
    void operationDefinitionDeclaresExactlyTheParsedParameters() {
        OperationDefinition operation = (OperationDefinition) PROFILES.byUrl(FhirCanonicals.GENERATE_SOAP_OPERATION).orElseThrow();
        assertThat(operation.getParameter().stream().filter(p -> p.getUse() == OperationDefinition.OperationParameterUse.IN)
                .map(OperationDefinition.OperationDefinitionParameterComponent::getName))
                .containsExactlyInAnyOrderElementsOf(GenerateSoapParameters.KNOWN);
        assertThat(operation.getSystem()).isTrue();
        assertThat(operation.getInstance()).isTrue();
    }

    @Test
    void everyConformanceResourceIsValid() {
        for (MetadataResource resource : PROFILES.all()) {
            assertThat(SharedValidator.describe(SharedValidator.baseOnly().errors(resource))).as(resource.getUrl()).isEmpty();
            if (SharedValidator.usCoreAvailable()) {
                assertThat(SharedValidator.describe(SharedValidator.usCore().errors(resource))).as(resource.getUrl()).isEmpty();
            }
        }
    }

    @Test
    void uncheckableExternalCodesAreTheOnlyFilteredMessages() {
        assertThat(org.chartscribe.fhir.validation.ProducedResourceValidatorAccess.uncheckable(
                "CodeSystem is unknown and can't be validated: http://loinc.org for 'http://loinc.org#11506-3'")).isTrue();
        assertThat(org.chartscribe.fhir.validation.ProducedResourceValidatorAccess.uncheckable(
                "Value is 'application/pdf' but is fixed to 'text/plain;charset=utf-8'")).isFalse();
        assertThat(org.chartscribe.fhir.validation.ProducedResourceValidatorAccess.uncheckable(
                "The pattern [system http://hl7.org/fhir/sid/icd-10-cm] defined in the profile not matched")).isFalse();
    }
}
