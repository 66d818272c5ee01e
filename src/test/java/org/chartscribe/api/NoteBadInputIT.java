package org.chartscribe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every bad input to the note endpoints answers problem+json with the contract's code, never a 500. */
class NoteBadInputIT extends AppTestBase {
    private static final String CANARY = "ZEBRA-CANARY-7Q4";

    private Http.Response post(String body) {
        return http().postJson("/v1/note", KEY_A, body);
    }

    private static JsonNode problem(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain(CANARY).doesNotContain("Exception").doesNotContain("at org.");
        return problem;
    }

    private static String field(JsonNode problem) {
        return problem.get("errors").get(0).get("field").asText();
    }

    private static String validBody(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("transcript", Fixtures.lowBackPain() + " " + CANARY));
        body.putAll(overrides);
        body.values().removeIf(v -> v == NULL);
        return Http.json(body);
    }

    private static final Object NULL = new Object();

    @Test
    void noBody() {
        problem(http().send(http().request("/v1/note").POST(HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY_A).build()),
                400, "VALIDATION_ERROR");
    }

    @Test
    void malformedJson() {
        JsonNode problem = problem(post("{\"transcript\": \"" + CANARY + " unterminated"), 400, "VALIDATION_ERROR");
        assertThat(problem.get("detail").asText()).contains("not valid JSON");
    }

    @Test
    void bodyThatIsNotAnObject() {
        problem(post("[\"" + CANARY + "\"]"), 400, "VALIDATION_ERROR");
    }

    @Test
    void wrongContentType() {
        problem(http().send(http().request("/v1/note").POST(HttpRequest.BodyPublishers.ofString(validBody(Map.of())))
                .header("Content-Type", "text/plain").header("Authorization", "Bearer " + KEY_A).build()),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void transcriptMissing() {
        assertThat(field(problem(post(validBody(Map.of("transcript", NULL))), 400, "VALIDATION_ERROR")))
                .isEqualTo("transcript");
    }

    @Test
    void transcriptUnderFiftyCharactersAfterTrim() {
        String short49 = "  " + "a".repeat(49) + "   \n";
        JsonNode problem = problem(post(validBody(Map.of("transcript", short49))), 400, "VALIDATION_ERROR");
        assertThat(field(problem)).isEqualTo("transcript");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("50");
    }

    @Test
    void transcriptOverTwoHundredThousandCharacters() {
        String tooLong = CANARY + " " + "x".repeat(200_000);
        JsonNode problem = problem(post(validBody(Map.of("transcript", tooLong))), 400, "VALIDATION_ERROR");
        assertThat(field(problem)).isEqualTo("transcript");
    }

    @Test
    void wrongTypes() {
        assertThat(field(problem(post(validBody(Map.of("transcript", 12345))), 400, "VALIDATION_ERROR")))
                .isEqualTo("transcript");
        assertThat(field(problem(post(validBody(Map.of("include_billing_codes", "yes"))), 400, "VALIDATION_ERROR")))
                .isEqualTo("include_billing_codes");
        assertThat(field(problem(post(validBody(Map.of("specialty", Map.of("id", "physician")))), 400,
                "VALIDATION_ERROR"))).isEqualTo("specialty");
        assertThat(field(problem(post(validBody(Map.of("patient", Map.of("age", "forty")))), 400,
                "VALIDATION_ERROR"))).isEqualTo("patient.age");
    }

    @Test
    void unknownSpecialtyListsTheValidIds() {
        JsonNode problem = problem(post(validBody(Map.of("specialty", "astrology"))), 400, "VALIDATION_ERROR");
        assertThat(field(problem)).isEqualTo("specialty");
        assertThat(problem.get("errors").get(0).get("message").asText())
                .contains("nurse_practitioner", "physical_therapy", "veterinary", "generic")
                .doesNotContain("astrology");
    }

    @Test
    void unknownTemplateListsTheValidIds() {
        JsonNode problem = problem(post(validBody(Map.of("template", "haiku"))), 400, "VALIDATION_ERROR");
        assertThat(problem.get("errors").get(0).get("message").asText())
                .contains("standard", "brief", "detailed", "problem_oriented").doesNotContain("haiku");
    }

    @Test
    void behaviouralTemplateOnlyForBehaviouralSpecialties() {
        JsonNode problem = problem(post(validBody(Map.of("specialty", "dentist", "template", "birp"))), 400,
                "VALIDATION_ERROR");
        assertThat(field(problem)).isEqualTo("template");
        assertThat(post(validBody(Map.of("specialty", "psychiatrist", "template", "birp"))).status()).isEqualTo(200);
    }

    @Test
    void patientHintsOutOfRange() {
        JsonNode problem = problem(post(validBody(Map.of("patient", Map.of("age", 400, "sex", "x")))), 400,
                "VALIDATION_ERROR");
        assertThat(problem.get("errors")).hasSize(2);
    }

    @Test
    void unknownEngineAndUnconfiguredLlm() {
        problem(post(validBody(Map.of("engine", "gpt"))), 400, "VALIDATION_ERROR");
        JsonNode problem = problem(post(validBody(Map.of("engine", "llm"))), 503, "ENGINE_UNAVAILABLE");
        assertThat(problem.get("detail").asText()).contains("llm");
        assertThat(post(validBody(Map.of("engine", "auto"))).json().get("engine").get("name").asText())
                .isEqualTo("embedded");
    }

    @Test
    void badIdempotencyKey() {
        problem(http().send(http().request("/v1/note").POST(HttpRequest.BodyPublishers.ofString(validBody(Map.of())))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY_A)
                .header("Idempotency-Key", "x".repeat(300)).build()), 400, "VALIDATION_ERROR");
    }

    @Test
    void missingWrongAndMalformedKeys() {
        problem(http().postJson("/v1/note", null, validBody(Map.of())), 401, "AUTHENTICATION_ERROR");
        Http.Response wrong = http().postJson("/v1/note", "cs_not_a_real_key_0000000000000000000000", validBody(Map.of()));
        problem(wrong, 401, "AUTHENTICATION_ERROR");
        assertThat(wrong.header("WWW-Authenticate")).startsWith("Bearer");
        problem(http().send(http().request("/v1/note/note_01JZZZZZZZZZZZZZZZZZZZZZZZ")
                .header("Authorization", "Basic dXNlcjpwYXNz").GET().build()), 401, "AUTHENTICATION_ERROR");
        problem(http().get("/v1/note/note_01JZZZZZZZZZZZZZZZZZZZZZZZ", null), 401, "AUTHENTICATION_ERROR");
        problem(http().delete("/v1/note/note_01JZZZZZZZZZZZZZZZZZZZZZZZ", "nope"), 401, "AUTHENTICATION_ERROR");
    }

    @Test
    void unknownAndMalformedNoteIds() {
        problem(http().get("/v1/note/note_01JZZZZZZZZZZZZZZZZZZZZZZZ", KEY_A), 404, "NOT_FOUND");
        problem(http().get("/v1/note/" + CANARY, KEY_A), 404, "NOT_FOUND");
        problem(http().delete("/v1/note/%27%3B--", KEY_A), 404, "NOT_FOUND");
    }

    @Test
    void oversizedBodyWithContentLength() {
        String huge = "{\"transcript\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        problem(post(huge), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void oversizedChunkedBody() {
        byte[] chunk = ("{\"transcript\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes();
        HttpRequest request = http().request("/v1/note")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(chunk)))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY_A).build();
        problem(http().send(request), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void unknownPathAndWrongMethod() {
        problem(http().get("/v1/nope", KEY_A), 404, "NOT_FOUND");
        problem(http().send(http().request("/v1/specialties").POST(HttpRequest.BodyPublishers.noBody()).build()),
                405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void billingCodesAreAnsweredWhenAskedFor() {
        JsonNode note = post(validBody(Map.of("include_billing_codes", true))).json();
        assertThat(note.has("billing_codes")).isTrue();
        assertThat(note.get("warnings").findValuesAsText("code")).doesNotContain("BILLING_CODES_UNAVAILABLE");
    }
}
