package org.chartscribe.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import org.chartscribe.api.AppTestBase;
import org.chartscribe.api.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * The transcript of {@code $generate-soap} is screened as on {@code POST /v1/note}: control characters
 * and invalid Unicode are {@code invalid} (400), no words is {@code processing} (422), another language
 * gets a warning in the Bundle; never echoed, never a 500.
 */
class FhirTranscriptInputIT extends AppTestBase {
    private static final String CANARY = "ZEBRA-CANARY-FHIR-TX-8";
    private static final String SPANISH = "Doctor: Buenos días, ¿qué le trae hoy por aquí? Paciente: Tengo dolor en la parte baja "
            + "de la espalda desde hace dos semanas. Doctor: ¿El dolor se extiende hacia las piernas? Paciente: No, solo está en "
            + "la espalda y empeora cuando me agacho para levantar cosas.";

    /** {@code transcriptJson} goes into the JSON string as is, so it may hold escapes such as {@code \u0000}. */
    private FhirClients.Raw generate(String transcriptJson) {
        return FhirClients.post(port, "/$generate-soap", KEY_A, "application/fhir+json", parameters(transcriptJson));
    }

    private static String parameters(String transcriptJson) {
        return "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"transcript\",\"valueString\":\"" + transcriptJson + "\"}]}";
    }

    private static String english() {
        return FhirClients.transcript("low-back-pain-np.txt").replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\n", "\\n").replace("\r", "") + " " + CANARY;
    }

    private static void assertIssue(int status, String contentType, String body, int expected, String issueCode, String says) {
        assertThat(status).as(body).isEqualTo(expected);
        assertThat(contentType).startsWith("application/fhir+json");
        assertThat(body).startsWith("{\"resourceType\":\"OperationOutcome\"").contains("\"code\":\"" + issueCode + "\"")
                .contains("name = 'transcript'").contains(says).doesNotContain(CANARY).doesNotContain("Exception");
    }

    private static void assertIssue(FhirClients.Raw raw, int expected, String issueCode, String says) {
        assertIssue(raw.status(), raw.contentType(), raw.body(), expected, issueCode, says);
    }

    @Test
    void controlCharactersAreInvalid() {
        assertIssue(generate("\\u0000".repeat(100)), 400, "invalid", "control characters");
        for (String control : new String[] {"\\u0000", "\\u0007", "\\u001b[2J", "\\u007f", "\\u0085", "\\f"}) {
            assertIssue(generate(english() + control), 400, "invalid", "control characters");
        }
    }

    @Test
    void loneSurrogatesAndNoncharactersAreInvalid() {
        for (String escape : new String[] {"\\ud800", "\\udc00", "\\udfff\\ud800", "\\uffff"}) {
            assertIssue(generate(english() + " " + escape + " end"), 400, "invalid", "valid Unicode");
        }
    }

    @Test
    void overlongAndOtherInvalidUtf8AreInvalid() {
        byte[][] invalid = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xC1, (byte) 0x81}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF}};
        for (byte[] bytes : invalid) {
            String[] parts = parameters(english() + " @@ end").split("@@");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bytes);
            body.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
            RawHttp.Response raw = RawHttp.exchange(port, "POST /fhir/$generate-soap HTTP/1.1\nHost: localhost\n"
                    + "Content-Type: application/fhir+json\nAuthorization: Bearer " + KEY_A, body.toByteArray());
            assertIssue(raw.status(), raw.contentType(), raw.body(), 400, "invalid", "valid Unicode");
        }
    }

    @Test
    void aTranscriptWithoutWordsIsUnprocessable() {
        for (String wordless : new String[] {"!?.,;".repeat(20), "\\ud83d\\ude00\\ud83e\\udd15 ".repeat(30),
                "Doctor: !!!!!!!!!!!!!!!!!!!!!!!!!!!!!\\nPatient: ??????????????????????????? ..."}) {
            assertIssue(generate(wordless), 422, "processing", "no words");
        }
    }

    /** A note that is made waits for the validator, which a fresh context may still be building on a busy machine. */
    private FhirClients.Raw generateNote(String transcriptJson) {
        return FhirClients.send(FhirClients.request(port, "/$generate-soap").timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofString(parameters(transcriptJson)))
                .header("Content-Type", "application/fhir+json").header("Authorization", "Bearer " + KEY_A).build());
    }

    @Test
    void aTranscriptInAnotherLanguageIsChartedWithAWarning() {
        FhirClients.Raw spanish = generateNote(SPANISH);
        assertThat(spanish.status()).as(spanish.body()).isEqualTo(200);
        assertThat(spanish.body()).startsWith("{\"resourceType\":\"Bundle\"").contains("NON_ENGLISH_TRANSCRIPT")
                .contains("does not look like English");
        FhirClients.Raw english = generateNote(english());
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.body()).doesNotContain("NON_ENGLISH_TRANSCRIPT");
    }

    @Test
    void aPropertySentTwiceIsInvalidWithoutRepeatingItsName() {
        String transcript = "{\"name\":\"transcript\",\"valueString\":\"" + english() + "\",\"valueString\":\"" + english() + "\"}";
        for (String body : new String[] {
                "{\"resourceType\":\"Parameters\",\"parameter\":[" + transcript + "]}",
                "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"transcript\",\"valueString\":\"" + english()
                        + "\"}],\"" + CANARY + "\":1,\"" + CANARY + "\":2}"}) {
            FhirClients.Raw raw = FhirClients.post(port, "/$generate-soap", KEY_A, "application/fhir+json", body);
            assertThat(raw.status()).as(raw.body()).isEqualTo(400);
            assertThat(raw.body()).startsWith("{\"resourceType\":\"OperationOutcome\"").contains("\"code\":\"invalid\"")
                    .contains("appears twice").doesNotContain(CANARY);
        }
    }
}
