package org.chartscribe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document declares the responses the API really gives (issue 13 item 5). */
class OpenApiDocumentIT extends AppTestBase {

    private JsonNode docs() {
        Http.Response docs = http().get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        return docs.json();
    }

    @Test
    void deleteDeclaresTheNoContentItAnswers() {
        JsonNode delete = docs().at("/paths/~1v1~1note~1{noteId}/delete/responses");
        assertThat(delete.has("204")).isTrue();
        assertThat(delete.has("200")).isFalse();
        String noteId = http().postJson("/v1/note", KEY_A, noteBody(Fixtures.lowBackPain())).json().get("noteId").asText();
        assertThat(http().delete("/v1/note/" + noteId, KEY_A).status()).isEqualTo(204);
    }

    @Test
    void everyV1OperationDeclaresItsProblemResponsesWithExamples() {
        JsonNode paths = docs().get("paths");
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/v1/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                operations++;
                JsonNode responses = op.getValue().get("responses");
                String where = op.getKey() + " " + path.getKey();
                for (String status : new String[] {"405", "429", "500", "503"}) {
                    JsonNode examples = responses.at("/" + status + "/content/application~1problem+json/examples");
                    assertThat(examples.size()).as("%s %s examples", where, status).isPositive();
                    examples.forEach(e -> assertThat(e.at("/value/code").asText()).as(where).isNotBlank());
                }
                if (!path.getKey().equals("/v1/specialties")) {
                    assertThat(responses.has("401")).as(where).isTrue();
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(4);
        assertThat(paths.at("/~1v1~1jobs~1{jobId}/get/responses").has("404")).isTrue();
        JsonNode note = paths.at("/~1v1~1note~1{noteId}/get/responses");
        assertThat(note.has("404")).isTrue();
        assertThat(note.has("410")).isTrue();
        JsonNode post = paths.at("/~1v1~1note/post/responses");
        for (String status : new String[] {"400", "401", "413", "415", "422", "502", "503"}) {
            assertThat(post.has(status)).as("POST /v1/note %s", status).isTrue();
        }
        assertThat(post.at("/503/content/application~1problem+json/examples").has("ENGINE_UNAVAILABLE")).isTrue();
    }

    @Test
    void theDocumentSaysWhichSectionsMayHaveNoEvidence() {
        assertThat(docs().at("/components/schemas/NoteSection/properties/evidence/description").asText())
                .contains("placeholder").contains("EVIDENCE_NOT_FOUND");
    }
}
