package org.chartscribe.smart.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chartscribe.smart.SmartSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /smart/api/stream/note}: the app's note as server-sent events, behind the session and CSRF
 * rules of the app's other POSTs; the note it stores can be approved in the same launch only.
 */
class SmartAppStreamApiIT extends SmartAppTestBase {
    private static final String PATH = "/smart/api/stream/note";
    private AppHttp http;

    @BeforeEach
    void client() {
        http = new AppHttp(port);
    }

    record Event(String name, JsonNode data) {}

    private static Map<String, Object> noteBody() {
        return Map.of("transcript", TestTranscripts.asthmaFollowUp(), "specialty", "physician", "template", "standard");
    }

    /** As the browser sends it: Accept text/event-stream, the cookie, the CSRF token, the page's origin. */
    private AppHttp.Response stream(SmartSession session, Object body, String csrf, String origin) {
        HttpRequest.Builder b = http.request(PATH, session)
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : AppHttp.json(body)))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream");
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build());
    }

    private static List<Event> events(String body) {
        List<Event> events = new ArrayList<>();
        for (String block : body.replace("\r\n", "\n").split("\n\n")) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
            if (name != null) {
                try {
                    events.add(new Event(name, AppHttp.JSON.readTree(data.toString())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return events;
    }

    private static void assertProblem(AppHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo(code);
    }

    @Test
    void sectionsStreamInOrderThenTheStoredNoteWhichThisLaunchCanApprove() {
        SmartSession session = launch(TENANT);
        AppHttp.Response response = stream(session, noteBody(), session.csrfToken(), http.base());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/event-stream");
        assertThat(response.header("Cache-Control")).contains("no-store");
        List<Event> events = events(response.body());

        assertThat(events.stream().filter(e -> e.name().equals("section_done")).map(e -> e.data().path("section").asText()))
                .containsExactly("subjective", "objective", "assessment", "plan");
        assertThat(events.get(events.size() - 2).name()).isEqualTo("billing_codes");
        Event done = events.get(events.size() - 1);
        assertThat(done.name()).isEqualTo("done");
        JsonNode note = done.data();
        // each division's deltas add up to the stored note's text
        for (String part : List.of("subjective", "objective", "assessment", "plan")) {
            String streamed = events.stream().filter(e -> e.name().equals("section")
                    && e.data().path("section").asText().equals(part)).map(e -> e.data().path("delta").asText())
                    .reduce("", String::concat);
            assertThat(streamed).as(part).isEqualTo(note.path(part).asText());
        }
        assertThat(note.path("billing_codes").path("icd10")).isNotEmpty();

        Map<String, Object> approval = new HashMap<>();
        for (String part : List.of("subjective", "objective", "assessment", "plan")) {
            approval.put(part, note.path(part).asText());
        }
        approval.put("icd10", List.of());
        approval.put("cpt", List.of());
        String approvePath = "/smart/api/note/" + note.path("noteId").asText() + "/approve";
        AppHttp.Response approved = http.post(approvePath, session, approval);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(writer.calls()).hasSize(1);

        // Another launch of the same EHR cannot approve it.
        SmartSession other = launch(TENANT);
        assertProblem(http.post(approvePath, other, approval), 404, "NOT_FOUND");
    }

    @Test
    void refusalsComeBeforeTheStreamAsProblems() {
        assertProblem(stream(null, noteBody(), "anything", null), 401, "AUTHENTICATION_ERROR");
        SmartSession ended = launch(TENANT);
        sessions.end(ended);
        assertProblem(stream(ended, noteBody(), ended.csrfToken(), null), 401, "AUTHENTICATION_ERROR");

        SmartSession session = launch(TENANT);
        assertProblem(stream(session, noteBody(), null, null), 403, "AUTHORIZATION_ERROR");
        assertProblem(stream(session, noteBody(), session.csrfToken() + "x", null), 403, "AUTHORIZATION_ERROR");
        assertProblem(stream(session, noteBody(), session.csrfToken(), "https://evil.example"), 403, "AUTHORIZATION_ERROR");

        AppHttp.Response tooShort = stream(session, Map.of("transcript", "Patient: cough."), session.csrfToken(), null);
        assertProblem(tooShort, 400, "VALIDATION_ERROR");
        assertThat(tooShort.body()).doesNotContain("cough");
        assertProblem(stream(session, Map.of("transcript", TestTranscripts.asthmaFollowUp(), "specialty", "astrology"),
                session.csrfToken(), null), 400, "VALIDATION_ERROR");
        assertProblem(stream(session, "{\"transcript\": ", session.csrfToken(), null), 400, "VALIDATION_ERROR");
        assertProblem(stream(session, "[]", session.csrfToken(), null), 400, "VALIDATION_ERROR");

        AppHttp.Response wrongType = http.send(http.request(PATH, session)
                .POST(HttpRequest.BodyPublishers.ofString("transcript=x")).header("Content-Type", "text/plain")
                .header("Accept", "text/event-stream").header("X-CSRF-Token", session.csrfToken()).build());
        assertProblem(wrongType, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(writer.calls()).isEmpty();
    }
}
