package org.chartscribe.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.chartscribe.config.ChartScribeProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses JSON bodies over the configured limit with 413: at once when Content-Length says so, and
 * while reading when the body is chunked. Multipart (audio) uploads have their own limits.
 * The FHIR endpoint answers in FHIR (an OperationOutcome): there the limit is still enforced while
 * reading, but the early Content-Length answer and the mapping of {@link #isTooLarge} are left to the
 * FHIR server.
 */
@Component
public class RequestSizeLimitFilter extends OncePerRequestFilter {
    public static final String DETAIL = "The request body exceeds the size limit.";
    private static final String FHIR_SERVLET_PATH = "/fhir";

    private final long maxBytes;
    private final ObjectMapper json;

    RequestSizeLimitFilter(ChartScribeProperties settings, ObjectMapper json) {
        this.maxBytes = settings.maxRequestBytes().toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes && !FHIR_SERVLET_PATH.equals(request.getServletPath())) {
            ResponseEntity<Problems.Problem> problem = Problems.response(ProblemCode.PAYLOAD_TOO_LARGE, DETAIL, List.of());
            response.setStatus(problem.getStatusCode().value());
            response.setContentType("application/problem+json");
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), problem.getBody());
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    /** Whether reading the body failed because it went over the limit (also when wrapped by a parser or HAPI). */
    public static boolean isTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooLargeException) {
                return true;
            }
        }
        return false;
    }

    static final class TooLargeException extends IOException {
        TooLargeException() {
            super(DETAIL);
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        LimitedStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                throw new TooLargeException();
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
    }
}
