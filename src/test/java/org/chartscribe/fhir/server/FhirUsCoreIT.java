package org.chartscribe.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.IOperationUnnamed;
import java.util.List;
import java.util.function.Function;
import org.chartscribe.api.AppTestBase;
import org.chartscribe.fhir.SharedValidator;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every resource {@code $generate-soap} returns, for each dialect with billing codes on and at each
 * level, validates with zero errors against base R4 + fhir-profiles + US Core 6.1.0 (HAPI's validator,
 * in this JVM, independent of the server's own run-time check). Skipped, saying why, when the US Core
 * package is absent; CI points {@code CHARTSCRIBE_FHIR_IG_PACKAGES} at it (see {@code .ci/run}).
 */
class FhirUsCoreIT extends AppTestBase {

    @BeforeAll
    static void needsUsCore() {
        assumeTrue(SharedValidator.usCoreAvailable(), SharedValidator.usCoreMissing());
    }

    @ParameterizedTest(name = "{0} at {1} level")
    @CsvSource({"generic,system", "generic,Patient", "generic,Encounter", "epic,system", "epic,Patient", "epic,Encounter",
            "oracle,system", "oracle,Patient", "oracle,Encounter"})
    void everyProducedResourceIsValidUsCore(String dialect, String level) {
        Parameters parameters = FhirClients.withTranscript(FhirClients.transcript("low-back-pain-np.txt"));
        parameters.addParameter().setName("dialect").setValue(new CodeType(dialect));
        parameters.addParameter().setName("includeBillingCodes").setValue(new BooleanType(true));
        parameters.addParameter().setName("practitioner").setValue(new Reference("Practitioner/dr-5"));
        if (!level.equals("Patient")) {
            parameters.addParameter().setName("patient").setValue(new Reference("Patient/p-42"));
        }
        if (!level.equals("Encounter")) {
            parameters.addParameter().setName("encounter").setValue(new Reference("Encounter/e-77"));
        }
        IGenericClient client = FhirClients.client(port, KEY_A);
        Function<IOperationUnnamed, Bundle> call = target -> target.named("$generate-soap").withParameters(parameters)
                .returnResourceType(Bundle.class).execute();
        Bundle bundle = call.apply(switch (level) {
            case "Patient" -> client.operation().onInstance("Patient/p-42");
            case "Encounter" -> client.operation().onInstance("Encounter/e-77");
            default -> client.operation().onServer();
        });

        assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType()).contains("DocumentReference", "Condition",
                "Provenance", "Device");
        assertThat(SharedValidator.describe(SharedValidator.usCore().errors(bundle))).as("Bundle").isEmpty();
        List<String> failures = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .flatMap(r -> SharedValidator.usCore().errors(r).stream()
                        .map(m -> r.fhirType() + " " + m.getLocationString() + ": " + m.getMessage()))
                .toList();
        assertThat(failures).isEmpty();
        assertThat(bundle.getEntry()).filteredOn(e -> e.getResource() instanceof Condition).isNotEmpty();
    }
}
