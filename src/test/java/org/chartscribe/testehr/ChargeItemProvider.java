package org.chartscribe.testehr;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Map;
import org.hl7.fhir.r4.model.ChargeItem;

/**
 * ChargeItems, created the Oracle Health way: {@code POST ChargeItem/$create} with a Parameters whose
 * {@code resource} is the ChargeItem; answers 200 with the stored ChargeItem. (A plain create works too.)
 */
public class ChargeItemProvider extends InMemoryResourceProvider<ChargeItem> {
    ChargeItemProvider(FhirContext fhir, Faults faults) {
        super(fhir, ChargeItem.class, faults, Map.of("patient", "subject", "subject", "subject", "status", "status"));
    }

    @Operation(name = "$create")
    public ChargeItem createOperation(@OperationParam(name = "resource", min = 1, max = 1) ChargeItem item) {
        countCreateRequest();
        if (item == null) {
            throw new InvalidRequestException("$create needs a ChargeItem in 'resource'");
        }
        return storeWithFaults(item);
    }
}
