package org.chartscribe.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.chartscribe.api.RequestSizeLimitFilter;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure leaves as an OperationOutcome with a meaningful issue code and no stack trace.
 * Parser messages can quote the body, so they are replaced; unexpected exceptions are logged by class
 * only (their messages may carry request content) and answered as a plain 500.
 */
@Interceptor
class FhirErrorInterceptor {
    private static final Logger log = LoggerFactory.getLogger(FhirErrorInterceptor.class);
    static final String NOT_PARAMETERS = "The body must be a FHIR Parameters resource in JSON or XML.";
    static final String UNEXPECTED = "An unexpected error occurred.";

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException outgoing(RequestDetails request, Throwable failure) {
        if (isTooLarge(failure)) {
            // A chunked body went over the limit while HAPI read it (HAPI would call it a 400).
            return FhirOutcomes.tooLarge();
        }
        if (isUnsupportedContentType(failure)) {
            return FhirOutcomes.unsupportedMediaType();
        }
        if (hasCause(failure, DataFormatException.class) || isBodyParseFailure(failure) || isParserCrashOnTheBody(request, failure)) {
            return FhirOutcomes.invalid(NOT_PARAMETERS);
        }
        if (failure instanceof BaseServerResponseException known) {
            if (known.getOperationOutcome() == null) {
                known.setOperationOutcome(FhirOutcomes.single(issueFor(known.getStatusCode()), known.getMessage()));
            }
            return known;
        }
        log.error("FHIR request failed with {}", failure.getClass().getName());
        return FhirOutcomes.internal(UNEXPECTED);
    }

    /** HAPI reports an unparseable body as a 400 whose message quotes the parser (and may quote the body). */
    private static boolean isBodyParseFailure(Throwable failure) {
        String message = failure.getMessage();
        return failure instanceof InvalidRequestException && message != null
                && (message.contains("HAPI-0450") || message.contains("Failed to parse") || message.contains("Incorrect resource type"));
    }

    /**
     * HAPI's parser can fail on a malformed body with something other than its DataFormatException (a property
     * named "" ends in StringIndexOutOfBoundsException); before our operation has the body bound, that is the
     * body's fault, not ours. Found by FhirParametersFuzzTest.
     */
    static boolean isParserCrashOnTheBody(RequestDetails request, Throwable failure) {
        return !(failure instanceof BaseServerResponseException) && !GenerateSoapProvider.wasInvoked(request)
                && isParserCrash(failure);
    }

    /**
     * A runtime exception thrown inside HAPI's JSON or XML parser. One without a stack trace counts too: the JIT
     * drops the trace of a NullPointerException or ClassCastException thrown often in hot code.
     */
    static boolean isParserCrash(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RuntimeException && (t.getStackTrace().length == 0 || hasFrame(t, "ca.uhn.fhir.parser."))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasFrame(Throwable failure, String classPrefix) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith(classPrefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** HAPI-0308 wraps the read failure by message only, without the cause. */
    private static boolean isTooLarge(Throwable failure) {
        String message = failure.getMessage();
        return RequestSizeLimitFilter.isTooLarge(failure) || failure instanceof InvalidRequestException && message != null
                && message.startsWith("HAPI-0308") && message.contains(RequestSizeLimitFilter.DETAIL);
    }

    /** HAPI-0446/0448/0449: no or a non-FHIR Content-Type on a body HAPI has to parse (HAPI says 400). */
    private static boolean isUnsupportedContentType(Throwable failure) {
        String message = failure.getMessage();
        return failure instanceof InvalidRequestException && message != null
                && (message.startsWith("HAPI-0446") || message.startsWith("HAPI-0448") || message.startsWith("HAPI-0449"));
    }

    private static IssueType issueFor(int status) {
        return switch (status) {
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404, 410 -> IssueType.NOTFOUND;
            case 413 -> IssueType.TOOLONG;
            case 405, 415, 501 -> IssueType.NOTSUPPORTED;
            default -> status >= 500 ? IssueType.EXCEPTION : IssueType.INVALID;
        };
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

}
