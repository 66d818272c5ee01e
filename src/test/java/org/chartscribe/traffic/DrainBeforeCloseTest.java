package org.chartscribe.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class DrainBeforeCloseTest {
    private final List<String> events = new ArrayList<>();
    private final StringWriter written = new StringWriter();
    /** Stands in for Tomcat, which closes the request's input when the response's output is closed. */
    private final MockHttpServletResponse raw = new MockHttpServletResponse() {
        @Override
        public PrintWriter getWriter() {
            return new PrintWriter(written) {
                @Override
                public void close() {
                    events.add("closed");
                    super.close();
                }
            };
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    written.write(b);
                }

                @Override
                public void close() {
                    events.add("closed");
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {}
            };
        }
    };
    private final DrainBeforeClose response = new DrainBeforeClose(raw, () -> events.add("drained"));

    @Test
    void closingTheWriterDrainsFirst() throws IOException {
        response.getWriter().write("{}");
        response.getWriter().flush();
        assertThat(events).isEmpty();
        response.getWriter().close();
        assertThat(events).containsExactly("drained", "closed");
        assertThat(written).hasToString("{}");
    }

    @Test
    void closingTheStreamDrainsFirst() throws IOException {
        response.getOutputStream().write(new byte[] {'o', 'k'});
        response.getOutputStream().flush();
        assertThat(events).isEmpty();
        response.getOutputStream().close();
        assertThat(events).containsExactly("drained", "closed");
        assertThat(written).hasToString("ok");
    }
}
