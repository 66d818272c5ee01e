package org.chartscribe.traffic;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * After an answer to a request whose body is still not read to the end (a refused or unauthenticated
 * caller's, one that timed out, or one {@link UnreadBodies} gave up draining), Tomcat would read and
 * discard the rest on the same worker thread to keep the connection open (up to {@code maxSwallowSize},
 * 2 MB), outside any limit: for a body trickling in a byte every few seconds, for hours. This valve
 * tells Tomcat not to (as it does itself for an aborted upload when a context does not swallow them):
 * the connection is closed after the answer instead.
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
