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

    // --- Input that is not a transcript (issue 10, item 8) ---

    /** Spanish and Chinese consultations written for this test: valid text, but not English. */
    static final String SPANISH = "Doctor: Buenos días, ¿qué le trae hoy por aquí? Paciente: Tengo dolor en la parte baja de la "
            + "espalda desde hace dos semanas. Doctor: ¿El dolor se extiende hacia las piernas? Paciente: No, solo está en la "
            + "espalda y empeora cuando me agacho para levantar cosas.";
    static final String CHINESE = "医生：你好，今天哪里不舒服？病人：我腰疼已经两个星期了，弯腰的时候更疼。医生：疼痛会放射到腿上吗？病人：不会，只是在下背部。";

    private static JsonNode transcriptRefused(Http.Response response, int status, String code) {
        JsonNode problem = problem(response, status, code);
        assertThat(field(problem)).isEqualTo("transcript");
        return problem;
    }

    /** The body as bytes, with {@code @@} in the transcript replaced by raw bytes that are not valid UTF-8. */
    private Http.Response postBytes(byte[] inTranscript) {
        String[] parts = Http.json(Map.of("transcript", Fixtures.lowBackPain() + " " + CANARY + " @@ end")).split("@@");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(parts[0].getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(inTranscript);
        body.writeBytes(parts[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
        RawHttp.Response raw = RawHttp.exchange(port, "POST /v1/note HTTP/1.1\nHost: localhost\nContent-Type: application/json\n"
                + "Authorization: Bearer " + KEY_A, body.toByteArray());
        return new Http.Response(raw.status(), raw.contentType(), raw.body(), null);
    }

    @Test
    void controlCharactersAre400NamingTheTranscript() {
        transcriptRefused(post(Http.json(Map.of("transcript", "\u0000".repeat(100)))), 400, "VALIDATION_ERROR");
        for (String control : new String[] {"\u0000", "\u0007", "\u001b[2J", "\u007f", "\u0085", "\f", "\u000b"}) {
            JsonNode problem = transcriptRefused(post(validBody(Map.of("transcript", Fixtures.lowBackPain() + control + CANARY))),
                    400, "VALIDATION_ERROR");
            assertThat(problem.get("errors").get(0).get("message").asText()).contains("control characters");
        }
        // Tab, CR and LF are what transcripts are made of.
        assertThat(post(validBody(Map.of("transcript", Fixtures.lowBackPain().replace("\n", "\r\n") + "\tok"))).status())
                .isEqualTo(200);
    }

    @Test
    void loneSurrogatesAre400NamingTheTranscript() {
        for (String escape : new String[] {"\\ud800", "\\udc00", "\\udfff\\ud800", "\\uffff"}) {
            String body = validBody(Map.of("transcript", Fixtures.lowBackPain() + " @@ " + CANARY)).replace("@@", escape);
            JsonNode problem = transcriptRefused(post(body), 400, "VALIDATION_ERROR");
            assertThat(problem.get("errors").get(0).get("message").asText()).contains("valid Unicode");
        }
        // A proper pair (an emoji) is text like any other.
        assertThat(post(validBody(Map.of("transcript", Fixtures.lowBackPain() + " \ud83d\ude00"))).status()).isEqualTo(200);
    }

    @Test
    void overlongAndOtherInvalidUtf8Are400NamingTheTranscript() {
        byte[][] invalid = {
                {(byte) 0xC0, (byte) 0x80},                          // NUL, overlong in two bytes
                {(byte) 0xC1, (byte) 0x81},                          // "A", overlong: Jackson alone reads it as "A"
                {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},             // "/", overlong in three bytes
                {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF}, // "/", overlong in four bytes
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80},             // an encoded surrogate
                {(byte) 0xFF}, {(byte) 0xC3}};                       // never valid; a truncated sequence
        for (byte[] bytes : invalid) {
            JsonNode problem = transcriptRefused(postBytes(bytes), 400, "VALIDATION_ERROR");
            assertThat(problem.get("errors").get(0).get("message").asText()).contains("valid Unicode");
        }
        // The same path with valid UTF-8 ("é") is a note.
        assertThat(postBytes(new byte[] {(byte) 0xC3, (byte) 0xA9}).status()).isEqualTo(200);
    }

    @Test
    void aTranscriptWithoutWordsIs422() {
        String[] wordless = {"!?.,;".repeat(20), "\ud83d\ude00\ud83e\udd15 ".repeat(30), "120/80 98.6 72 16 -- ## 2026-12-04 ** 1, 2, 3 ... 4, 5, 6 !!!",
                "Doctor: !!!!!!!!!!!!!!!!!!!!!!!!!!!!!\nPatient: ??????????????????????????? ...", "a . b . c . d . e . f . g . h . i . j . k . l . m . n . o"};
        for (String transcript : wordless) {
            JsonNode problem = transcriptRefused(post(Http.json(Map.of("transcript", transcript))), 422, "UNPROCESSABLE_CONTENT");
            assertThat(problem.get("detail").asText()).contains("no words");
        }
    }

    @Test
    void aTranscriptInAnotherLanguageIsChartedWithAWarning() {
        for (String transcript : new String[] {SPANISH, CHINESE + CHINESE}) {
            Http.Response response = post(Http.json(Map.of("transcript", transcript)));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode warning = response.json().get("warnings").findParents("code").stream()
                    .filter(w -> w.get("code").asText().equals("NON_ENGLISH_TRANSCRIPT")).findFirst().orElseThrow();
            assertThat(warning.get("text").asText()).contains("English");
        }
        assertThat(post(validBody(Map.of())).json().get("warnings").findValuesAsText("code")).doesNotContain("NON_ENGLISH_TRANSCRIPT");
    }

    @Test
    void aFieldSentTwiceIs400() {
        String transcript = Http.json(Fixtures.lowBackPain());
        JsonNode twice = problem(post("{\"transcript\":" + transcript + ",\"transcript\":" + transcript + "}"), 400, "VALIDATION_ERROR");
        assertThat(field(twice)).isEqualTo("transcript");
        JsonNode nested = problem(post("{\"transcript\":" + transcript + ",\"patient\":{\"sex\":\"female\",\"sex\":\"male\"}}"),
                400, "VALIDATION_ERROR");
        assertThat(field(nested)).isEqualTo("patient.sex");
        // Not one of our fields: named by nobody (problem() checks the canary is not repeated).
        JsonNode unknown = problem(post("{\"transcript\":" + transcript + ",\"" + CANARY + "\":1,\"" + CANARY + "\":2}"),
                400, "VALIDATION_ERROR");
        assertThat(unknown.get("detail").asText()).contains("more than once");
    }
}
