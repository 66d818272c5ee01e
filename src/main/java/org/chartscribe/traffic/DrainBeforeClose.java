package org.chartscribe.traffic;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Drains what is left of the request body just before the application closes its response. Tomcat
 * closes the request's input when the response's output is closed (HAPI closes it after every answer,
 * a 404 or a 401 included), so a body left unread by then could no longer be drained: the connection
 * would be dropped after an answer that promised keep-alive, and a client's next request on it fails
 * with no answer at all.
 */
final class DrainBeforeClose extends HttpServletResponseWrapper {
    private final Runnable drain;
    private ServletOutputStream stream;
    private PrintWriter writer;

    /** {@code drain} must be safe to call more than once. */
    DrainBeforeClose(HttpServletResponse response, Runnable drain) {
        super(response);
        this.drain = drain;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new DrainingStream(super.getOutputStream(), drain);
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(super.getWriter()) {
                @Override
                public void close() {
                    drain.run();
                    super.close();
                }
            };
        }
        return writer;
    }

    private static final class DrainingStream extends ServletOutputStream {
        private final ServletOutputStream out;
        private final Runnable drain;

        DrainingStream(ServletOutputStream out, Runnable drain) {
            this.out = out;
            this.drain = drain;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            drain.run();
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
