package org.chartscribe.smart.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.chartscribe.smart.SmartProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers for the clinician app and its API. The page may be framed only by the origins in
 * {@code CHARTSCRIBE_SMART_FRAME_ANCESTORS} (a CSP source list, default {@code 'self'}), e.g.
 * {@code 'self' https://*.epic.com}; nothing inline runs, nothing is fetched from elsewhere.
 */
@Component
class SmartAppHeadersFilter extends OncePerRequestFilter {
    /** One CSP source expression: 'self', 'none', a scheme, or [scheme://][*.]host[:port][/path]. */
    private static final Pattern SOURCE = Pattern.compile("'self'|'none'|[a-z][a-z0-9+.-]*:"
            + "|([a-z][a-z0-9+.-]*://)?(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:(\\d{1,5}|\\*))?(/[A-Za-z0-9._~/-]*)?");

    private final String csp;

    SmartAppHeadersFilter(@Value("${chartscribe.smart.frame-ancestors:'self'}") String frameAncestors) {
        String ancestors = SmartProperties.frameAncestorSources(frameAncestors);
        if (!java.util.Arrays.stream(ancestors.split(" ")).allMatch(source -> SOURCE.matcher(source).matches())) {
            throw new IllegalStateException("CHARTSCRIBE_SMART_FRAME_ANCESTORS must be a list of CSP sources"
                    + " such as 'self' https://ehr.example.org");
        }
        this.csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors " + ancestors;
    }

    String contentSecurityPolicy() {
        return csp;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/smart/app") || path.startsWith("/smart/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", csp);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/smart/api/")) {
            response.setHeader("Cache-Control", "no-store"); // answers carry PHI
        }
        chain.doFilter(request, response);
    }
}
