package org.chartscribe.fhir.server;

import ca.uhn.fhir.rest.annotation.Metadata;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IServerConformanceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Date;
import org.chartscribe.fhir.FhirCanonicals;
import org.chartscribe.fhir.conformance.ConformanceResources;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.InstantType;

/**
 * The CapabilityStatement, written by hand so it says exactly what this server does: the
 * {@code $generate-soap} operation (pointing at its canonical OperationDefinition), the profiles of
 * what it produces, and read/search on its conformance resources. Public, like {@code /metadata} must be.
 */
public class CapabilityStatementProvider implements IServerConformanceProvider<CapabilityStatement> {
    private static final String VERSION = "0.1.0";
    /** When this statement last changed (not "now": clients cache on it). */
    private static final Date PUBLISHED = new InstantType("2026-11-25T00:00:00Z").getValue();

    private final ConformanceResources profiles;

    CapabilityStatementProvider(ConformanceResources profiles) {
        this.profiles = profiles;
    }

    @Override
    @Metadata
    public CapabilityStatement getServerConformance(HttpServletRequest request, RequestDetails details) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setDate(PUBLISHED);
        cs.setPublisher("ChartScribe");
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.getSoftware().setName("ChartScribe").setVersion(VERSION);
        cs.getImplementation().setDescription("ChartScribe FHIR R4 endpoint: SOAP notes from encounter transcripts")
                .setUrl(details.getFhirServerBase());
        cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        cs.addFormat("application/fhir+json");
        cs.addFormat("application/fhir+xml");
        CapabilityStatementRestComponent rest = cs.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.setDocumentation("$generate-soap drafts a note and returns FHIR resources; nothing is stored as FHIR "
                + "resources and nothing is written to an EHR.");
        rest.getSecurity().setCors(false).setDescription("$generate-soap needs 'Authorization: Bearer <ChartScribe API key>' "
                + "(the same keys as /v1). /metadata and the conformance resources are public.");

        rest.addResource(operationTarget("Patient"));
        rest.addResource(operationTarget("Encounter"));
        rest.addResource(produced("DocumentReference", FhirCanonicals.NOTE_PROFILE));
        rest.addResource(produced("Condition", FhirCanonicals.ENCOUNTER_DIAGNOSIS_PROFILE, FhirCanonicals.PROBLEM_LIST_ITEM_PROFILE));
        rest.addResource(produced("Claim", FhirCanonicals.CLAIM_PROFILE));
        for (String type : new String[] {"StructureDefinition", "CodeSystem", "ValueSet", "OperationDefinition"}) {
            CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type);
            resource.addInteraction().setCode(TypeRestfulInteraction.READ);
            resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
            resource.addSearchParam().setName("url").setType(Enumerations.SearchParamType.URI)
                    .setDocumentation("The canonical URL");
            resource.setDocumentation("ChartScribe's own conformance resources (read-only)");
        }
        rest.addOperation().setName("generate-soap").setDefinition(FhirCanonicals.GENERATE_SOAP_OPERATION);
        return cs;
    }

    private static CapabilityStatementRestResourceComponent operationTarget(String type) {
        CapabilityStatementRestResourceComponent resource = new CapabilityStatementRestResourceComponent().setType(type);
        resource.setDocumentation("Only $generate-soap on an instance; " + type + " resources are not stored or served here.");
        resource.addOperation().setName("generate-soap").setDefinition(FhirCanonicals.GENERATE_SOAP_OPERATION);
        return resource;
    }

    private static CapabilityStatementRestResourceComponent produced(String type, String... profiles) {
        CapabilityStatementRestResourceComponent resource = new CapabilityStatementRestResourceComponent().setType(type);
        resource.setDocumentation("Produced by $generate-soap (in its Bundle); not stored or served as a resource.");
        for (String profile : profiles) {
            resource.addSupportedProfile(profile);
        }
        return resource;
    }

    /** HAPI routes reads of OperationDefinition here: answer with the canonical one from fhir-profiles. */
    @Override
    public IBaseResource readOperationDefinition(IIdType id, RequestDetails details) {
        return profiles.ofType(OperationDefinition.class).stream()
                .filter(o -> o.getIdElement().getIdPart().equals(id.getIdPart())).findFirst()
                .map(ConformanceResources::copyOf)
                .orElseThrow(() -> FhirRoutes.notFound(
                        "No OperationDefinition with this id here; list them with GET [base]/OperationDefinition."));
    }

    @Override
    public void setRestfulServer(RestfulServer server) {
        // Nothing to discover: the statement is written by hand.
    }
}
