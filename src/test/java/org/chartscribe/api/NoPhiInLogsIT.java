package org.chartscribe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * A transcript carrying a unique canary goes through every endpoint, successes and failures, with
 * framework logging turned up to DEBUG; the canary must appear in no log line.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "logging.level.org.chartscribe=TRACE",
        "logging.level.org.springframework.web=DEBUG",
        "logging.level.org.springframework.jdbc=DEBUG",
        "logging.level.org.apache.catalina=DEBUG"})
class NoPhiInLogsIT extends AppTestBase {
    private static final String CANARY = "CANARY-PATIENT-Xq7Vb93LmZ";

    @Test
    void canaryNeverReachesTheLogs(CapturedOutput output) {
        String transcript = Fixtures.lowBackPain() + "\nPatient: My name is " + CANARY + " and my back hurts.";
        Http http = http();

        String noteId = http.postJson("/v1/note", KEY_A, noteBody(transcript)).json().get("noteId").asText();
        http.get("/v1/note/" + noteId, KEY_A);
        http.get("/v1/note/" + noteId, KEY_B);
        http.send(http.request("/v1/note").POST(HttpRequest.BodyPublishers.ofString(noteBody(transcript)))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY_A)
                .header("Idempotency-Key", "canary-key").build());
        http.postJson("/v1/note", KEY_A, Http.json(Map.of("transcript", transcript, "specialty", "astrology")));
        http.postJson("/v1/note", KEY_A, Http.json(Map.of("transcript", transcript, "engine", "llm")));
        http.postJson("/v1/note", KEY_A, Http.json(Map.of("transcript", CANARY)));
        http.postJson("/v1/note", KEY_A, Http.json(Map.of("transcript", 1, "specialty", CANARY)));
        http.postJson("/v1/note", KEY_A, "{\"transcript\": \"" + CANARY + " broken");
        http.postJson("/v1/note", CANARY, noteBody(transcript));
        http.postJson("/v1/note", null, noteBody(transcript));
        http.get("/v1/note/" + CANARY, KEY_A);
        http.send(http.request("/v1/note").POST(HttpRequest.BodyPublishers.ofString(transcript))
                .header("Content-Type", "text/plain").header("Authorization", "Bearer " + KEY_A).build());
        http.postJson("/v1/note", KEY_A, "{\"transcript\":\"" + CANARY + "x".repeat(3 * 1024 * 1024) + "\"}");
        http.delete("/v1/note/" + noteId, KEY_A);
        http.get("/v1/note/" + noteId, KEY_A);

        assertThat(output.getAll()).contains("POST /v1/note").doesNotContain(CANARY);
    }
}
