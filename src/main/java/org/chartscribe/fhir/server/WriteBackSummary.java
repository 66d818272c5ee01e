package org.chartscribe.fhir.server;

import org.chartscribe.ehr.WriteBackResult;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * What {@code $generate-soap} with {@code writeBack=true} answers: a {@code transaction-response}
 * Bundle, one entry per resource ChartScribe tried to write, in the order written, each with the
 * status the EHR gave (201 created, 200 already there from an earlier try, or the failure) and where
 * it now lives. A failed entry carries an OperationOutcome saying why; calling again completes it.
 */
final class WriteBackSummary {
    private WriteBackSummary() {}

    static Bundle toBundle(WriteBackResult result) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (WriteBackResult.Written written : result.resources()) {
            Bundle.BundleEntryResponseComponent response = bundle.addEntry().getResponse();
            switch (written.outcome()) {
                case CREATED -> response.setStatus("201 Created");
                case EXISTING -> response.setStatus("200 OK");
                case FAILED -> response.setStatus("502 " + written.resourceType() + " not written")
                        .setOutcome(failure(written));
            }
            written.url().or(() -> written.id().map(id -> written.resourceType() + "/" + id))
                    .ifPresent(response::setLocation);
        }
        return bundle;
    }

    private static OperationOutcome failure(WriteBackResult.Written written) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.TRANSIENT)
                .setDiagnostics(written.resourceType() + ": " + written.error().orElse("not written")
                        + " Call the operation again to complete the write-back; nothing is written twice.");
        return outcome;
    }
}
