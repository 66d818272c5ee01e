package org.chartscribe.ehr;

/**
 * A request to the EHR that did not succeed, after any retries, with a message fit for the clinician:
 * status and FHIR issue code only. The OperationOutcome's diagnostics are never quoted, as servers
 * echo the request (and so the patient's data) there.
 */
final class EhrCallFailed extends RuntimeException {
    EhrCallFailed(String message) {
        super(message, null, false, false);
    }
}
