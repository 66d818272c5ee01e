package org.chartscribe.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.chartscribe.api.AppTestBase;
import org.chartscribe.api.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * HTTP-level failures on /fhir, sent raw (a generic client cannot produce most of them): each is an
 * OperationOutcome with the right status and issue code, never problem+json, HTML or a 500, and never
 * echoes what was sent, even when the client asks for HTML.
 */
class FhirHttpErrorsIT extends AppTestBase {
    private static final String CANARY = "ZEBRA-CANARY-HTTP-77";
    private static final String PARAMETERS = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"transcript\","
            + "\"valueString\":\"" + CANARY + "\"}]}";

    private FhirClients.Raw send(String method, String path, String key, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = FhirClients.request(port, path).method(method, body).header("Accept", "text/html");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (key != null) {
            request.header("Authorization", key.contains(" ") ? key : "Bearer " + key);
        }
        return FhirClients.send(request.build());
    }

    private FhirClients.Raw send(String method, String path, String key) {
        return send(method, path, key, null, HttpRequest.BodyPublishers.noBody());
    }

    private static FhirClients.Raw assertOutcome(FhirClients.Raw raw, int status, String issueCode) {
        assertThat(raw.status()).as(raw.body()).isEqualTo(status);
        assertThat(raw.contentType()).startsWith("application/fhir+json");
        assertThat(raw.body()).startsWith("{\"resourceType\":\"OperationOutcome\"")
                .contains("\"code\":\"" + issueCode + "\"")
                .doesNotContain(CANARY).doesNotContain("Exception").doesNotContain("at org.");
        return raw;
    }

    private static String oversized() {
        return "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"transcript\",\"valueString\":\"" + CANARY
                + "x".repeat(3 * 1024 * 1024) + "\"}]}";
    }

    @Test
    void oversizedBodyWithContentLengthIs413() {
        for (String key : new String[] {KEY_A, null}) {
            FhirClients.Raw raw = send("POST", "/$generate-soap", key, "application/fhir+json", HttpRequest.BodyPublishers.ofString(oversized()));
            assertOutcome(raw, 413, "too-long");
        }
    }

    @Test
    void oversizedChunkedBodyIs413NotA500() {
        byte[] body = oversized().getBytes(StandardCharsets.UTF_8);
        // ofInputStream has no known length: the client sends it chunked.
        FhirClients.Raw raw = send("POST", "/Patient/p-1/$generate-soap", KEY_A, "application/fhir+json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertOutcome(raw, 413, "too-long");
    }

    @Test
    void chunkedBodyUnderTheLimitStillWorks() {
        byte[] body = PARAMETERS.getBytes(StandardCharsets.UTF_8);
        FhirClients.Raw raw = send("POST", "/$generate-soap", KEY_A, "application/fhir+json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        // The transcript is too short: a 400 about it shows the body was read and parsed.
        assertOutcome(raw, 400, "invalid");
    }

    @Test
    void nonFhirOrMissingContentTypeIs415() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "text/html", null}) {
            FhirClients.Raw raw = send("POST", "/Encounter/e-1/$generate-soap", KEY_A, type, HttpRequest.BodyPublishers.ofString(PARAMETERS));
            assertOutcome(raw, 415, "not-supported");
            assertThat(raw.body()).contains("application/fhir+json");
        }
    }

    @Test
    void unknownResourceTypesOperationsAndPathsAre404WithoutEchoingThem() {
        assertOutcome(send("GET", "/" + CANARY + "/1", KEY_A), 404, "not-found");
        assertOutcome(send("GET", "/Patient/" + CANARY, KEY_A), 404, "not-found");
        assertOutcome(send("GET", "/Encounter?patient=" + CANARY, KEY_A), 404, "not-found");
        assertOutcome(send("GET", "/Observation/o-1/$everything", KEY_A), 404, "not-found");
        assertOutcome(send("POST", "/$nope-" + CANARY, KEY_A, "application/fhir+json", HttpRequest.BodyPublishers.ofString(PARAMETERS)),
                404, "not-found");
        // $generate-soap exists at system and instance level, not on the Patient type.
        assertOutcome(send("POST", "/Patient/$generate-soap", KEY_A, "application/fhir+json", HttpRequest.BodyPublishers.ofString(PARAMETERS)),
                404, "not-found");
        assertOutcome(send("GET", "/StructureDefinition/" + CANARY, null), 404, "not-found");
    }

    @Test
    void aPostAnsweredWithoutReadingItsBodyKeepsItsConnectionUsable() {
        // HAPI answers these without reading the body and closes its response, which closes Tomcat's input:
        // the body must be drained first, or the connection is dropped under the next request sent on it.
        for (int round = 0; round < 40; round++) {
            String path = round % 2 == 0 ? "/Patient/p-" + round : "/$nope-" + round;
            FhirClients.Raw raw = send("POST", path, KEY_A, "application/fhir+json", HttpRequest.BodyPublishers.ofString(PARAMETERS));
            assertThat(raw.status()).as("round %d", round).isEqualTo(404);
        }
    }

    @Test
    void wrongMethodOnAKnownPathIs405WithAllow() {
        FhirClients.Raw put = send("PUT", "/$generate-soap", KEY_A, "application/fhir+json", HttpRequest.BodyPublishers.ofString(PARAMETERS));
        assertThat(assertOutcome(put, 405, "not-supported").allow()).contains("POST");
        assertThat(assertOutcome(send("GET", "/Encounter/" + CANARY + "/$generate-soap", KEY_A), 405, "not-supported").allow())
                .contains("POST");
        assertOutcome(send("DELETE", "/Patient/p-1/$generate-soap", KEY_A), 405, "not-supported");
        FhirClients.Raw delete = send("DELETE", "/StructureDefinition/chartscribe-note", KEY_A);
        assertThat(assertOutcome(delete, 405, "not-supported").allow()).contains("GET");
        assertOutcome(send("POST", "/metadata", KEY_A, "application/fhir+json", HttpRequest.BodyPublishers.ofString(PARAMETERS)),
                405, "not-supported");
    }

    @Test
    void missingWrongOrNonBearerKeyIs401() {
        for (String key : new String[] {null, "cs_not_a_real_key_" + CANARY, "Basic " + CANARY}) {
            FhirClients.Raw raw = send("POST", "/$generate-soap", key, "application/fhir+json", HttpRequest.BodyPublishers.ofString(PARAMETERS));
            assertOutcome(raw, 401, "login");
            assertThat(raw.wwwAuthenticate()).isEqualTo("Bearer");
        }
        assertOutcome(send("GET", "/Patient/p-1", null), 401, "login");
    }

    private static void assertOutcome(RawHttp.Response raw, int status, String issueCode) {
        assertThat(raw.status()).as(raw.body()).isEqualTo(status);
        assertThat(raw.contentType()).startsWith("application/fhir+json");
        assertThat(raw.body()).startsWith("{\"resourceType\":\"OperationOutcome\"")
                .contains("\"code\":\"" + issueCode + "\"")
                .doesNotContain(CANARY).doesNotContain("<html").doesNotContain("Exception");
    }

    @Test
    void whatTomcatRefusesBeforeTheFhirServerIsAnOperationOutcome() {
        // A 100 KB key and a header over the limit: Tomcat stops at the headers.
        assertOutcome(RawHttp.exchange(port, "POST /fhir/$generate-soap HTTP/1.1\nHost: localhost\nContent-Type: application/fhir+json\n"
                + "Authorization: Bearer " + CANARY + "k".repeat(100_000), PARAMETERS.getBytes(StandardCharsets.UTF_8)), 400, "invalid");
        assertOutcome(RawHttp.get(port, "/fhir/metadata", "X-Padding: " + CANARY + "x".repeat(20_000)), 400, "invalid");
        // %00 in the path: refused while the request target is decoded.
        assertOutcome(RawHttp.get(port, "/fhir/Patient/" + CANARY + "%00/$generate-soap", "Authorization: Bearer " + KEY_A), 400, "invalid");
        // A request line Tomcat cannot parse at all (a raw '|') has no path to tell /fhir by: problem+json, still no echo.
        RawHttp.Response unparsed = RawHttp.get(port, "/fhir/Patient/" + CANARY + "|1", "Authorization: Bearer " + KEY_A);
        assertThat(unparsed.status()).isEqualTo(400);
        assertThat(unparsed.contentType()).startsWith("application/problem+json");
        assertThat(unparsed.body()).doesNotContain(CANARY).doesNotContain("<html");
    }
}
