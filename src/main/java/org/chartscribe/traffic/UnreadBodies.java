package org.chartscribe.traffic;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Reads and discards what is left of a request body after the answer, as Tomcat would, but through
 * the body deadline and inside the in-flight limits: a client that sends its body promptly keeps its
 * connection (closing on unread bytes makes the kernel reset it, and the client may lose the answer),
 * while one that trickles is cut off at the deadline and {@link UnreadBodyValve} closes the connection.
 */
final class UnreadBodies {
    /** Tomcat's own default for how much it drains ({@code maxSwallowSize}). */
    static final long MAX_DRAINED_BYTES = 2L * 1024 * 1024;

    /**
     * A refused caller's body up to this size is still drained (under the deadline): it arrives with the
     * headers, costs nothing to read, and closing on it unread resets the connection, so the client may
     * never see its 401. Larger or unannounced (chunked) bodies are not read at all.
     */
    static final long SMALL_BODY_BYTES = 16 * 1024;

    private UnreadBodies() {}

    static boolean isSmall(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        return length >= 0 && length <= SMALL_BODY_BYTES;
    }

    static void drain(HttpServletRequest request) {
        try {
            ServletInputStream in = request.getInputStream();
            byte[] buffer = new byte[8192];
            long drained = 0;
            while (!in.isFinished() && drained <= MAX_DRAINED_BYTES) {
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                drained += n;
            }
        } catch (IOException | IllegalStateException givenUp) {
            // Too slow, gone, or read as characters: the valve closes the connection instead.
        }
    }
}
