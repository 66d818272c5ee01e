package org.chartscribe.api;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error page for what never reaches Spring: a header or request line over the size limit, a
 * path with {@code %00} or other characters Tomcat refuses. Answers problem+json (an OperationOutcome
 * on {@code /fhir}) instead of Tomcat's HTML, with a fixed text: nothing of the refused request is
 * repeated, and nothing is logged (the client's mistake is not an operator's error).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ContainerErrorBodies.Body body = ContainerErrorBodies.of(rawPath(request), status);
        try {
            response.setContentType(body.contentType());
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body.text());
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was already started: nothing more to tell it.
        }
    }

    /** The request target as received: a refused request has no decoded or mapped path. */
    private static String rawPath(Request request) {
        try {
            return request.getCoyoteRequest().requestURI().toString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
