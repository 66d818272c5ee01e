package org.chartscribe.smart.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.chartscribe.smart.SmartSession;

/** Calls the app's API as the browser would: the session cookie, the CSRF header, JSON bodies. */
final class AppHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final String base;

    AppHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    String base() {
        return base;
    }

    HttpRequest.Builder request(String path, SmartSession session) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (session != null) {
            b.header("Cookie", FakeSmartSessions.COOKIE + "=" + session.sessionId());
        }
        return b;
    }

    Response get(String path, SmartSession session) {
        return send(request(path, session).GET().build());
    }

    /** A POST with the session's own CSRF token. */
    Response post(String path, SmartSession session, Object body) {
        return post(path, session, body, session == null ? null : session.csrfToken(), null);
    }

    Response post(String path, SmartSession session, Object body, String csrf, String origin) {
        HttpRequest.Builder b = request(path, session)
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body)))
                .header("Content-Type", "application/json");
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return send(b.build());
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
