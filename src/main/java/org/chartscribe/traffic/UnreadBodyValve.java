package org.chartscribe.traffic;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * After an answer to a request whose body was not read to the end (a refusal, a 401, a body that
 * timed out), Tomcat would read and discard the rest on the same worker thread to keep the connection
 * open (up to {@code maxSwallowSize}, 2 MB) — for a body trickling in a byte every few seconds, for
 * hours. This valve tells Tomcat not to: the connection is closed after the answer instead. The same
 * thing Tomcat does itself for an aborted upload when a context does not swallow them, for every answer.
 */
final class UnreadBodyValve extends ValveBase {

    UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            getNext().invoke(request, response);
        } finally {
            if (!request.isAsyncStarted() && !request.getCoyoteRequest().isFinished()) {
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        }
    }
}
