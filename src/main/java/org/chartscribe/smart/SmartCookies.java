package org.chartscribe.smart;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.ResponseCookie;

/**
 * The two cookies of the SMART flow. Both HttpOnly and {@code Secure}, except over plain http to a
 * loopback host (local try-out) where a Secure cookie would not come back. {@code SameSite=None} when
 * Secure, because the app runs inside the EHR's (cross-site) frame, where Lax cookies are not sent;
 * {@code Lax} otherwise (browsers refuse None without Secure). Secure cookies are also {@code Partitioned}
 * (CHIPS): browsers that block third-party cookies still keep one per top-level site, so the app keeps
 * working inside the EHR's frame, and the cookie is never shared with the same app framed by another site.
 * The values are random ids only.
 */
public final class SmartCookies {
    /** Holds a random session id; the store keeps only its SHA-256. */
    public static final String SESSION = "cs_smart_session";
    /**
     * Binds a launch's state to the browser that started it; lives as long as a launch. Path {@code /smart/}
     * so a second launch in the same browser (another tab) reuses it instead of orphaning the first.
     */
    public static final String LAUNCH = "cs_smart_launch";

    private SmartCookies() {}

    /** False only for plain http to localhost / 127.0.0.1 / [::1]. */
    public static boolean secure(HttpServletRequest request) {
        return secure(request.getScheme(), request.getServerName());
    }

    static boolean secure(String scheme, String host) {
        boolean loopback = "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host)
                || "[::1]".equals(host) || "::1".equals(host) || "0:0:0:0:0:0:0:1".equals(host);
        return !("http".equalsIgnoreCase(scheme) && loopback);
    }

    /** A {@code Set-Cookie} value; a zero max-age deletes the cookie. */
    public static String header(String name, String value, String path, Duration maxAge, boolean secure) {
        return ResponseCookie.from(name, value).httpOnly(true).secure(secure).sameSite(secure ? "None" : "Lax")
                .partitioned(secure).path(path).maxAge(maxAge).build().toString();
    }

    public static Optional<String> read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> name.equals(c.getName())).map(Cookie::getValue)
                .filter(v -> v != null && !v.isBlank()).findFirst();
    }
}
