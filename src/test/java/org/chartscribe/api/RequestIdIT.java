package org.chartscribe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.chartscribe.store.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A client's {@code X-Request-Id} is kept only when it is a plain token; anything else is replaced by
 * one of ours before it reaches the response, the logs or the audit trail.
 */
class RequestIdIT extends AppTestBase {
    @Autowired
    AuditLog audit;

    private Http.Response createNote(String requestId) {
        return http().send(http().request("/v1/note")
                .POST(HttpRequest.BodyPublishers.ofString(noteBody(Fixtures.lowBackPain())))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY_A)
                .header("X-Request-Id", requestId).build());
    }

    private String auditedRequestId(Http.Response created) {
        String noteId = created.json().get("noteId").asText();
        return audit.recent("tenant-a", 50).stream().filter(e -> noteId.equals(e.noteId())).findFirst()
                .orElseThrow().requestId();
    }

    @Test
    void aRequestIdThatIsNotAPlainTokenIsReplacedInTheResponseAndTheAuditTrail() {
        for (String bad : new String[] {"ok id; DROP TABLE notes", "patient=Jane Doe", "x".repeat(65), ""}) {
            Http.Response created = createNote(bad);

            assertThat(created.status()).isEqualTo(200);
            String given = created.header("X-Request-Id");
            assertThat(given).matches("req_[0-9A-Z]{26}");
            assertThat(auditedRequestId(created)).isEqualTo(given);
        }
    }

    @Test
    void aPlainTokenIsKeptSoCallersCanCorrelate() {
        Http.Response created = createNote("client-trace_42.a");

        assertThat(created.header("X-Request-Id")).isEqualTo("client-trace_42.a");
        assertThat(auditedRequestId(created)).isEqualTo("client-trace_42.a");
    }

    @Test
    void generatedRequestIdsAreUnrelatedToNoteIds() {
        Http.Response created = createNote("");
        String requestId = created.header("X-Request-Id").substring("req_".length());
        String noteId = created.json().get("noteId").asText().substring("note_".length());

        // With one monotonic ULID generator both began with the same timestamp (8 characters: the same second).
        assertThat(noteId.substring(0, 8)).isNotEqualTo(requestId.substring(0, 8));
    }
}
