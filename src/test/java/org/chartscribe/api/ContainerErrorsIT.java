package org.chartscribe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Requests refused before a controller runs (multipart on a JSON endpoint, the container's own error
 * page, what Tomcat will not parse) answer 4xx problem+json, never a 500 or Tomcat's HTML page, repeat
 * nothing of the request, and log no ERROR line: a client's mistake is not an operator's alarm.
 */
@ExtendWith(OutputCaptureExtension.class)
class ContainerErrorsIT extends AppTestBase {
    private static final String CANARY = "ZEBRA-CANARY-TOMCAT-31";

    private static JsonNode problem(int status, String contentType, String body, int expected, String code) {
        assertThat(status).as(body).isEqualTo(expected);
        assertThat(contentType).startsWith("application/problem+json");
        assertThat(body).doesNotContain(CANARY).doesNotContain("<html").doesNotContain("Exception").doesNotContain("Tomcat");
        JsonNode problem = read(body);
        assertThat(problem.get("status").asInt()).isEqualTo(expected);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("type").asText()).startsWith("urn:chartscribe:problem:");
        return problem;
    }

    private static JsonNode read(String body) {
        try {
            return Http.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    private static void assertNoErrorLogged(CapturedOutput output) {
        assertThat(output.getAll().lines()).noneMatch(line -> line.contains(" ERROR "));
        assertThat(output.getAll()).doesNotContain(CANARY).doesNotContain("IllegalArgumentException");
    }

    /** A multipart/form-data body with one 1.2 MB file part, over Spring's default 1 MB part limit. */
    private static byte[] multipart(String boundary) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"audio\"; filename=\"" + CANARY
                + ".wav\"\r\nContent-Type: audio/wav\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[1_200_000]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    @Test
    void oversizedMultipartOnTheNoteEndpointIs415WithOrWithoutAKey(CapturedOutput output) {
        String boundary = "b0undary7x";
        for (String key : new String[] {KEY_A, null}) {
            HttpRequest.Builder request = http().request("/v1/note")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary);
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            Http.Response response = http().send(request.build());
            problem(response.status(), response.contentType(), response.body(), 415, "UNSUPPORTED_MEDIA_TYPE");
        }
        assertNoErrorLogged(output);
    }

    @Test
    void multipartIsNeverParsedWhereNoHandlerTakesIt(CapturedOutput output) {
        String boundary = "b0undary7y";
        Http.Response response = http().send(http().request("/v1/specialties")
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).build());
        problem(response.status(), response.contentType(), response.body(), 405, "METHOD_NOT_ALLOWED");
        assertNoErrorLogged(output);
    }

    @Test
    void theErrorPageCalledDirectlyIsNotFound(CapturedOutput output) {
        Http.Response get = http().get("/error", null);
        problem(get.status(), get.contentType(), get.body(), 404, "NOT_FOUND");
        Http.Response post = http().postJson("/error", KEY_A, "{\"transcript\":\"" + CANARY + "\"}");
        problem(post.status(), post.contentType(), post.body(), 404, "NOT_FOUND");
        assertNoErrorLogged(output);
    }

    @Test
    void aHeaderOverTomcatsLimitIs400ProblemJson(CapturedOutput output) {
        RawHttp.Response raw = RawHttp.get(port, "/v1/specialties", "X-Padding: " + CANARY + "x".repeat(20_000));
        JsonNode problem = problem(raw.status(), raw.contentType(), raw.body(), 400, "VALIDATION_ERROR");
        assertThat(problem.get("detail").asText()).contains("headers");
        assertNoErrorLogged(output);
    }

    @Test
    void aHundredKilobyteApiKeyIs400ProblemJson(CapturedOutput output) {
        RawHttp.Response raw = RawHttp.exchange(port, "POST /v1/note HTTP/1.1\nHost: localhost\nContent-Type: application/json\n"
                + "Authorization: Bearer " + CANARY + "k".repeat(100_000), "{}".getBytes(StandardCharsets.UTF_8));
        problem(raw.status(), raw.contentType(), raw.body(), 400, "VALIDATION_ERROR");
        assertNoErrorLogged(output);
    }

    @Test
    void aNulInThePathIs400ProblemJson(CapturedOutput output) {
        for (String target : new String[] {"/v1/note/" + CANARY + "%00x", "/v1/note/%00", "/%00" + CANARY}) {
            RawHttp.Response raw = RawHttp.get(port, target, "Authorization: Bearer " + KEY_A);
            problem(raw.status(), raw.contentType(), raw.body(), 400, "VALIDATION_ERROR");
        }
        assertNoErrorLogged(output);
    }

    @Test
    void tomcatDoesNotLogTheRequestTargetItRefuses() {
        // Tomcat logs the first unparseable request of a JVM at INFO, quoting the target: which request of
        // a test run is first is not ours to pick, so the level that keeps it out is checked directly.
        assertThat(LoggerFactory.getLogger("org.apache.coyote.http11.Http11Processor").isInfoEnabled()).isFalse();
    }

    @Test
    void rawControlAndNonAsciiBytesInTheRequestTargetAre400ProblemJson(CapturedOutput output) {
        for (String target : new String[] {"/v1/note/" + CANARY + "\u0001", "/v1/note/a|" + CANARY, "/v1/note/" + CANARY + "\u00ff"}) {
            RawHttp.Response raw = RawHttp.exchange(port, "GET " + target + " HTTP/1.1\nHost: localhost", null);
            problem(raw.status(), raw.contentType(), raw.body(), 400, "VALIDATION_ERROR");
        }
        assertNoErrorLogged(output);
    }
}
