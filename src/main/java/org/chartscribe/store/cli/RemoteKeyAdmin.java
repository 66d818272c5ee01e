package org.chartscribe.store.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.chartscribe.store.ApiKeyStore;

/** The key commands sent to the running server's loopback admin endpoint ({@link AdminEndpointFile}). */
final class RemoteKeyAdmin implements KeyAdmin {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final AdminEndpointFile.Published endpoint;

    RemoteKeyAdmin(AdminEndpointFile.Published endpoint) {
        this.endpoint = endpoint;
    }

    /** False when nothing listens there any more (the server was killed and left its file). */
    boolean reachable() {
        try {
            send(request("/admin/keys").GET());
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    @Override
    public ApiKeyStore.Created create(String tenantId) {
        JsonNode body = expect(200, send(request("/admin/keys/" + encode(tenantId)).POST(HttpRequest.BodyPublishers.noBody())));
        return new ApiKeyStore.Created(convert(body.get("info"), ApiKeyStore.KeyInfo.class), body.get("key").asText());
    }

    @Override
    public List<ApiKeyStore.KeyInfo> list() {
        return Arrays.asList(convert(expect(200, send(request("/admin/keys").GET())), ApiKeyStore.KeyInfo[].class));
    }

    @Override
    public boolean revoke(String keyId) {
        HttpResponse<String> response = send(request("/admin/keys/" + encode(keyId)).DELETE());
        if (response.statusCode() == 404 && response.body().contains("No active key")) {
            return false;
        }
        expect(204, response);
        return true;
    }

    @Override
    public String rotateWebhookSecret(String tenantId) {
        return expect(200, send(request("/admin/webhook-secrets/" + encode(tenantId))
                .POST(HttpRequest.BodyPublishers.noBody()))).get("secret").asText();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(endpoint.url() + path)).timeout(Duration.ofSeconds(30))
                .header(AdminEndpointFile.HEADER, endpoint.secret());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("the running server refused the command (HTTP " + response.statusCode()
                    + "); is admin-endpoint in the data directory from another server?");
        }
        try {
            return status == 204 ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        return JSON.convertValue(node, type);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
