package org.chartscribe.fhir.validation;

/** Test access to the message filter of {@link ProducedResourceValidator}. */
public final class ProducedResourceValidatorAccess {
    private ProducedResourceValidatorAccess() {}

    public static boolean uncheckable(String message) {
        return ProducedResourceValidator.uncheckableTerminology(message);
    }
}
