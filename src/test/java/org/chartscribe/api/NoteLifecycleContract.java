package org.chartscribe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.chartscribe.store.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The note lifecycle over real HTTP, run once per supported database (H2 and PostgreSQL).
 */
abstract class NoteLifecycleContract extends AppTestBase {
    @Autowired
    AuditLog audit;

    @Test
    void generatesAFourSectionNoteForTheLowBackPainVisit() {
        Http.Response response = http().postJson("/v1/note", KEY_A, noteBody(Fixtures.lowBackPain()));

        assertThat(response.status()).isEqualTo(200);
        JsonNode note = response.json();
        assertThat(note.get("noteId").asText()).matches("note_[0-9A-Z]{26}");
        for (String part : new String[] {"subjective", "objective", "assessment", "plan"}) {
            assertThat(note.get(part).asText()).as(part).isNotBlank();
            assertThat(note.get("sections").get(part)).as(part).isNotEmpty();
        }
        assertThat(note.get("subjective").asText()).containsIgnoringCase("back");
        assertThat(note.get("objective").asText()).contains("128/82");
        assertThat(note.get("assessment").asText()).containsIgnoringCase("low back pain");
        assertThat(note.get("plan").asText()).containsIgnoringCase("physical therapy");
        assertThat(note.get("specialty").asText()).isEqualTo("nurse_practitioner");
        assertThat(note.get("template").asText()).isEqualTo("standard");
        assertThat(note.get("engine").get("name").asText()).isEqualTo("embedded");
        assertThat(note.get("warnings").isArray()).isTrue();
        Instant created = Instant.parse(note.get("created_at").asText());
        Instant expires = Instant.parse(note.get("expires_at").asText());
        assertThat(Duration.between(created, expires)).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void evidenceOffsetsIndexTheSubmittedTranscript() {
        String transcript = "\n\n   " + Fixtures.lowBackPain();
        JsonNode note = http().postJson("/v1/note", KEY_A, noteBody(transcript)).json();
        int spans = 0;
        for (JsonNode part : note.get("sections")) {
            for (JsonNode section : part) {
                for (JsonNode span : section.get("evidence")) {
                    int start = span.get("start").asInt();
                    int end = span.get("end").asInt();
                    assertThat(start).isGreaterThanOrEqualTo(5);
                    assertThat(end).isLessThanOrEqualTo(transcript.length()).isGreaterThan(start);
                    spans++;
                }
            }
        }
        assertThat(spans).isGreaterThan(3);
    }

    @Test
    void storedNoteReadsBackIdenticallyAndDeleteDestroysIt() {
        JsonNode created = http().postJson("/v1/note", KEY_A, noteBody(Fixtures.lowBackPain())).json();
        String path = "/v1/note/" + created.get("noteId").asText();

        Http.Response read = http().get(path, KEY_A);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created);

        assertThat(http().delete(path, KEY_A).status()).isEqualTo(204);
        Http.Response gone = http().get(path, KEY_A);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.json().get("code").asText()).isEqualTo("GONE");
        assertThat(http().delete(path, KEY_A).status()).isEqualTo(410);
        assertThat(audit.recent("tenant-a", 50)).filteredOn(e -> created.get("noteId").asText().equals(e.noteId()))
                .extracting(AuditLog.Event::action).containsExactly("note.deleted", "note.read", "note.created");
    }

    @Test
    void anotherTenantCannotReadDeleteOrDetectANote() {
        String noteId = http().postJson("/v1/note", KEY_A, noteBody(Fixtures.lowBackPain())).json()
                .get("noteId").asText();
        Http.Response unknown = http().get("/v1/note/note_01JZZZZZZZZZZZZZZZZZZZZZZZ", KEY_B);

        Http.Response read = http().get("/v1/note/" + noteId, KEY_B);
        Http.Response delete = http().delete("/v1/note/" + noteId, KEY_B);

        assertThat(read.status()).isEqualTo(404);
        assertThat(delete.status()).isEqualTo(404);
        assertThat(read.json()).isEqualTo(unknown.json());
        assertThat(http().get("/v1/note/" + noteId, KEY_A).status()).isEqualTo(200);
    }

    @Test
    void sameIdempotencyKeyAndBodyReturnsTheSameNote() {
        String key = UUID.randomUUID().toString();
        String body = noteBody(Fixtures.lowBackPain());
        Http.Response first = postWithKey(KEY_A, key, body);
        Http.Response second = postWithKey(KEY_A, key, body);
        Http.Response otherTenant = postWithKey(KEY_B, key, body);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("noteId")).isEqualTo(first.json().get("noteId"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(otherTenant.json().get("noteId")).isNotEqualTo(first.json().get("noteId"));
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        postWithKey(KEY_A, key, noteBody(Fixtures.lowBackPain()));
        Http.Response reused = postWithKey(KEY_A, key,
                Http.json(Map.of("transcript", Fixtures.lowBackPain(), "specialty", "physician")));

        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
    }

    private Http.Response postWithKey(String apiKey, String idempotencyKey, String body) {
        return http().send(http().request("/v1/note").POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + apiKey)
                .header("Idempotency-Key", idempotencyKey).build());
    }

    // ---- GET /v1/notes (issue 13 item 6)

    @Test
    void notesAreListedNewestFirstInPagesWithoutContentAndOnlyTheTenantsOwn() {
        java.util.List<String> mine = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(http().postJson("/v1/note", KEY_A, noteBody(Fixtures.lowBackPain())).json().get("noteId").asText());
        }
        String deleted = http().postJson("/v1/note", KEY_A, noteBody(Fixtures.lowBackPain())).json().get("noteId").asText();
        http().delete("/v1/note/" + deleted, KEY_A);
        String theirs = http().postJson("/v1/note", KEY_B, noteBody(Fixtures.lowBackPain())).json().get("noteId").asText();

        java.util.List<String> listed = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Http.Response page = http().get("/v1/notes?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), KEY_A);
            assertThat(page.status()).isEqualTo(200);
            JsonNode notes = page.json().get("notes");
            assertThat(notes.size()).isBetween(0, 2);
            for (JsonNode n : notes) {
                assertThat(n.has("specialty") && n.has("created_at") && n.has("expires_at")).isTrue();
                assertThat(n.has("subjective") || n.has("sections") || n.has("assessment")).as("no content").isFalse();
                listed.add(n.get("noteId").asText());
            }
            cursor = page.json().get("next_cursor").isNull() ? null : page.json().get("next_cursor").asText();
            pages++;
        } while (cursor != null && pages < 1000);
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(listed).doesNotHaveDuplicates().contains(mine.toArray(String[]::new))
                .doesNotContain(deleted, theirs);
        assertThat(listed).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Http.Response b = http().get("/v1/notes?limit=100", KEY_B);
        assertThat(b.json().get("notes").findValuesAsText("noteId")).contains(theirs).doesNotContain(mine.toArray(String[]::new));
    }

    @Test
    void badLimitOrCursorIsA400AndNoKeyA401() {
        for (String query : new String[] {"limit=0", "limit=101", "limit=abc", "limit=-1", "cursor=x", "cursor=note_%27"}) {
            Http.Response response = http().get("/v1/notes?" + query, KEY_A);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("code").asText()).isEqualTo("VALIDATION_ERROR");
            assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo(query.substring(0, query.indexOf('=')));
        }
        assertThat(http().get("/v1/notes", null).status()).isEqualTo(401);
        Http.Response other = http().get("/v1/notes?cursor=note_00000000000000000000000000", KEY_A);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.json().get("notes").size()).isZero();
    }
}
