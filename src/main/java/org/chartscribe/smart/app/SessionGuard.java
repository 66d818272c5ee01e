package org.chartscribe.smart.app;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.chartscribe.api.ApiException;
import org.chartscribe.api.ProblemCode;
import org.chartscribe.api.TenantAttribute;
import org.chartscribe.smart.SmartSession;
import org.chartscribe.smart.SmartSessions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Admits a call to the app's API only with a live SMART session (the cookie, no API key), and a POST
 * only with the session's CSRF token in {@code X-CSRF-Token} and, when the browser sends {@code Origin},
 * from this server's own origin. Runs before the body is read, so a refused caller learns nothing.
 */
@Component
class SessionGuard implements HandlerInterceptor {
    static final String SESSION = "chartscribe.smart.session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String SESSION_ENDED = "Your ChartScribe session has ended; open ChartScribe from the EHR again.";

    /** Empty until the SMART launch provides an implementation: then no call has a session. */
    private final ObjectProvider<SmartSessions> sessions;

    SessionGuard(ObjectProvider<SmartSessions> sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        SmartSessions store = sessions.getIfAvailable();
        Optional<SmartSession> session = store == null ? Optional.empty() : store.current(request);
        if (session.isEmpty()) {
            throw new ApiException(ProblemCode.AUTHENTICATION_ERROR, SESSION_ENDED);
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            if (!session.get().csrfMatches(request.getHeader(CSRF_HEADER))) {
                throw new ApiException(ProblemCode.AUTHORIZATION_ERROR,
                        "This request did not come from the ChartScribe app (missing or wrong " + CSRF_HEADER + ").");
            }
            String origin = request.getHeader(HttpHeaders.ORIGIN);
            if (origin != null && !sameOrigin(origin, request)) {
                throw new ApiException(ProblemCode.AUTHORIZATION_ERROR,
                        "Requests to the ChartScribe app must come from its own origin.");
            }
        }
        request.setAttribute(SESSION, session.get());
        request.setAttribute(TenantAttribute.NAME, session.get().tenantId());
        return true;
    }

    /** The {@code Origin} names this server as the request reached it (scheme, host, port). */
    static boolean sameOrigin(String origin, HttpServletRequest request) {
        URI uri;
        try {
            uri = URI.create(origin.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false; // includes "null", sent by sandboxed frames and some redirects
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(scheme);
        return scheme.equalsIgnoreCase(request.getScheme())
                && uri.getHost().equalsIgnoreCase(request.getServerName())
                && port == request.getServerPort();
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
    }
}
