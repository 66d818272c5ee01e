package org.chartscribe.fhir;

import java.util.Optional;
import org.hl7.fhir.r4.model.Reference;

/**
 * Where the note belongs in the chart, as the caller named it. References are taken as given: a
 * local call has no EHR to resolve them against, so an unknown id is not detected here.
 */
public record ChartReferences(Optional<Reference> patient, Optional<Reference> encounter,
                              Optional<Reference> practitioner) {
    public static final ChartReferences NONE = new ChartReferences(Optional.empty(), Optional.empty(), Optional.empty());

    /** Copies, so the caller's objects are never shared between produced resources. */
    Optional<Reference> patientCopy() {
        return patient.map(Reference::copy);
    }

    Optional<Reference> encounterCopy() {
        return encounter.map(Reference::copy);
    }

    Optional<Reference> practitionerCopy() {
        return practitioner.map(Reference::copy);
    }
}
