package org.chartscribe.traffic;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A total time for reading a request body, counted from when the request is handed to a worker
 * thread (its headers are in), however slowly the bytes
 * come: Tomcat's socket timeout only limits the wait for the next bytes, so a body sent one byte every
 * few seconds would otherwise hold a worker thread for hours. Checked after every read; a read that
 * waits for bytes is bounded by Tomcat's upload timeout ({@code body-idle-timeout}), so a thread is
 * held at most the deadline plus that timeout. Either way the reader gets a {@link BodyTimeoutException},
 * which the REST and FHIR error handlers answer with 408.
 */
public final class BodyDeadline {
    public static final String DETAIL = "The request body was not received in time.";
    private static final String HAPI_READ_FAILURE = "HAPI-0308";

    private BodyDeadline() {}

    static HttpServletRequest wrap(HttpServletRequest request, Duration deadline, LongSupplier nanoClock) {
        return new DeadlineRequest(request, deadline.toNanos(), nanoClock);
    }

    /** Whether reading the body failed because it came too slowly (also when wrapped by a parser or HAPI). */
    public static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BodyTimeoutException || t instanceof SocketTimeoutException) {
                return true;
            }
            // HAPI keeps only the message of a read failure (HAPI-0308), not the exception. Only that message is
            // read: a parser's message can quote the body, and a client's text must not pass for our timeout.
            String message = t.getMessage();
            if (message != null && message.startsWith(HAPI_READ_FAILURE)
                    && (message.contains(DETAIL) || message.contains(SocketTimeoutException.class.getName()))) {
                return true;
            }
        }
        return false;
    }

    /** The body did not arrive within the deadline or stalled longer than the idle timeout. */
    public static final class BodyTimeoutException extends IOException {
        BodyTimeoutException(Throwable cause) {
            super(DETAIL, cause);
        }
    }

    private static final class DeadlineRequest extends HttpServletRequestWrapper {
        private final long deadline;
        private final LongSupplier nanoClock;
        private ServletInputStream stream;

        DeadlineRequest(HttpServletRequest request, long deadlineNanos, LongSupplier nanoClock) {
            super(request);
            this.deadline = nanoClock.getAsLong() + deadlineNanos;
            this.nanoClock = nanoClock;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new DeadlineStream(super.getInputStream(), deadline, nanoClock);
            }
            return stream;
        }
    }

    private static final class DeadlineStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long deadline;
        private final LongSupplier nanoClock;

        DeadlineStream(ServletInputStream in, long deadline, LongSupplier nanoClock) {
            this.in = in;
            this.deadline = deadline;
            this.nanoClock = nanoClock;
        }

        @Override
        public int read() throws IOException {
            checkDeadline();
            int b = readOrTimeout(() -> in.read());
            checkDeadline();
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkDeadline();
            int n = readOrTimeout(() -> in.read(buffer, offset, length));
            checkDeadline();
            return n;
        }

        private void checkDeadline() throws BodyTimeoutException {
            if (nanoClock.getAsLong() - deadline > 0 && !in.isFinished()) {
                throw new BodyTimeoutException(null);
            }
        }

        private static int readOrTimeout(Read read) throws IOException {
            try {
                return read.read();
            } catch (IOException e) {
                if (isTimeout(e)) {
                    throw new BodyTimeoutException(e);
                }
                throw e;
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @FunctionalInterface
        private interface Read {
            int read() throws IOException;
        }
    }
}
