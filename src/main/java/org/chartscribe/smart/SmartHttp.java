package org.chartscribe.smart;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The one HTTP client for calls to EHR authorization servers (discovery, token endpoint). Bodies are
 * never logged; failures are reported by type and status only. Redirects are not followed: a
 * discovery document or token answer comes from the URL asked, or not at all.
 */
public final class SmartHttp {
    private final HttpClient client;
    private final Duration timeout;

    public SmartHttp(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A GET answered with its status and body (any status). */
    public HttpResponse<String> get(URI uri, String accept) throws IOException {
        return send(HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept).GET().build());
    }

    /** Sends a request built by the OAuth SDK (form POST to a token endpoint) and hands its answer back to the SDK. */
    public HTTPResponse send(HTTPRequest request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.getURI()).timeout(timeout);
        for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        builder.header("Accept", "application/json");
        String body = request.getBody();
        builder.method(request.getMethod().name(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = send(builder.build());
        HTTPResponse sdkResponse = new HTTPResponse(response.statusCode());
        response.headers().firstValue("Content-Type").ifPresent(type -> {
            try {
                sdkResponse.setContentType(type);
            } catch (ParseException e) {
                // an unparseable content type: the SDK then refuses the body as not JSON, which is the right answer
            }
        });
        response.headers().firstValue("WWW-Authenticate").ifPresent(v -> sdkResponse.setHeader("WWW-Authenticate", v));
        sdkResponse.setBody(response.body());
        return sdkResponse;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
