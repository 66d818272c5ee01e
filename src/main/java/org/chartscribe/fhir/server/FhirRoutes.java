package org.chartscribe.fhir.server;

import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Set;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * What a request HAPI cannot route gets: 405 (with {@code Allow}) when the path exists but not for this
 * method, 404 when nothing is served there. The messages are fixed texts: a path can carry ids, and ids
 * can be PHI, so nothing of the request is echoed.
 */
final class FhirRoutes {
    static final Set<String> CONFORMANCE_TYPES = Set.of("StructureDefinition", "CodeSystem", "ValueSet", "OperationDefinition");
    private static final Set<String> OPERATION_TARGETS = Set.of("Patient", "Encounter");
    static final String NOTHING_HERE = "Nothing is served at this path: this server offers $generate-soap (system level, "
            + "Patient/[id], Encounter/[id]) and read-only conformance resources; see /metadata.";

    private FhirRoutes() {}

    static BaseServerResponseException unroutable(RequestDetails request, RequestTypeEnum method) {
        String type = request.getResourceName();
        String operation = request.getOperation();
        boolean instance = request.getId() != null && request.getId().hasIdPart();
        if (operation != null) {
            boolean generateSoap = GenerateSoapProvider.OPERATION.equals(operation)
                    && (type == null ? !instance : OPERATION_TARGETS.contains(type) && instance);
            return generateSoap
                    ? notAllowed("$generate-soap takes POST with a Parameters body.", RequestTypeEnum.POST)
                    : notFound(NOTHING_HERE);
        }
        if (type != null && CONFORMANCE_TYPES.contains(type) && method != RequestTypeEnum.GET && method != RequestTypeEnum.HEAD) {
            return notAllowed("Conformance resources are read-only: read and search them with GET.", RequestTypeEnum.GET,
                    RequestTypeEnum.HEAD);
        }
        return notFound(NOTHING_HERE);
    }

    static ResourceNotFoundException notFound(String message) {
        return new ResourceNotFoundException(message, FhirOutcomes.single(IssueType.NOTFOUND, message));
    }

    private static MethodNotAllowedException notAllowed(String message, RequestTypeEnum... allowed) {
        return new MethodNotAllowedException(message, FhirOutcomes.single(IssueType.NOTSUPPORTED, message), allowed);
    }
}
