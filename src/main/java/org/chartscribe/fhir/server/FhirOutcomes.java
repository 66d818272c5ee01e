package org.chartscribe.fhir.server;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.NotImplementedOperationException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.chartscribe.api.RequestSizeLimitFilter;
import org.chartscribe.fhir.FhirRequestException;
import org.chartscribe.traffic.BodyDeadline;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** OperationOutcome answers: one issue per problem, the FHIR issue code, the right HTTP status. */
final class FhirOutcomes {
    static final String UNSUPPORTED_MEDIA_TYPE =
            "Content-Type must be a FHIR format: application/fhir+json or application/fhir+xml.";
    static final String INVALID_VALUE = "The Parameters resource holds a value that is not valid FHIR R4";
    private FhirOutcomes() {}

    /**
     * 400 for invalid/required input; 422 when it is valid but holds nothing to work from (a transcript
     * without words); 501 when everything asked is well-formed but not supported yet.
     */
    static BaseServerResponseException of(FhirRequestException e) {
        OperationOutcome outcome = new OperationOutcome();
        for (FhirRequestException.Issue issue : e.issues()) {
            OperationOutcome.OperationOutcomeIssueComponent component = outcome.addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(issue.type()).setDiagnostics(issue.message());
            if (issue.parameter() != null) {
                component.addExpression("Parameters.parameter.where(name = '" + issue.parameter() + "')");
            }
        }
        String summary = e.issues().get(0).message();
        if (e.onlyNotSupported()) {
            return new NotImplementedOperationException(summary, outcome);
        }
        if (e.onlyUnprocessable()) {
            return new UnprocessableEntityException(summary, outcome);
        }
        return new InvalidRequestException(summary, outcome);
    }

    /**
     * 400 for Parameters that are not valid FHIR: one issue per validation error, with its location and
     * the validator's message id but not its text, which can quote the offending (possibly PHI) value.
     */
    static InvalidRequestException invalidInput(List<SingleValidationMessage> errors) {
        OperationOutcome outcome = new OperationOutcome();
        for (SingleValidationMessage error : errors) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(IssueType.INVALID)
                    .setDiagnostics(INVALID_VALUE + " (" + error.getMessageId() + ")")
                    .addExpression(error.getLocationString());
        }
        return new InvalidRequestException(INVALID_VALUE, outcome);
    }

    /** Any status with one issue, e.g. 403 {@code forbidden}. */
    static BaseServerResponseException issue(int status, IssueType type, String message) {
        return new UnclassifiedServerFailureException(status, message, single(type, message));
    }

    static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(message, single(IssueType.INVALID, message));
    }

    /** A server-side failure: code {@code exception}, no stack trace, nothing of the request echoed. */
    static InternalErrorException internal(String message) {
        return new InternalErrorException(message, single(IssueType.EXCEPTION, message));
    }

    /** 413; the rest of the body is not read, so the connection is not kept. */
    static PayloadTooLargeException tooLarge() {
        PayloadTooLargeException e = new PayloadTooLargeException(RequestSizeLimitFilter.DETAIL,
                single(IssueType.TOOLONG, RequestSizeLimitFilter.DETAIL));
        e.addResponseHeader("Connection", "close");
        return e;
    }

    /** 408: the body came too slowly; the rest of it is not read, so the connection is not kept. */
    static UnclassifiedServerFailureException bodyTimeout() {
        UnclassifiedServerFailureException e = new UnclassifiedServerFailureException(408, BodyDeadline.DETAIL,
                single(IssueType.TIMEOUT, BodyDeadline.DETAIL));
        e.addResponseHeader("Connection", "close");
        return e;
    }

    /** 415, for a body that is not FHIR JSON or XML. */
    static UnclassifiedServerFailureException unsupportedMediaType() {
        return new UnclassifiedServerFailureException(415, UNSUPPORTED_MEDIA_TYPE, single(IssueType.NOTSUPPORTED, UNSUPPORTED_MEDIA_TYPE));
    }

    static OperationOutcome single(IssueType type, String message) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
        return outcome;
    }
}
