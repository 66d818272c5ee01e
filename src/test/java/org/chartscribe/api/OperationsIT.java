package org.chartscribe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The public catalogue, API description and operator endpoints. */
class OperationsIT extends AppTestBase {
    private static final List<String> SPECIALTY_IDS = List.of("nurse_practitioner", "physician", "psychiatrist",
            "psychotherapist", "physical_therapy", "occupational_therapy", "chiropractor", "dentist", "acupuncture",
            "social_worker", "registered_nurse", "speech_language_pathology", "veterinary", "massage_therapy",
            "pharmacy", "podiatrist", "dietitian_nutritionist", "athletic_trainer", "emergency_medical_services",
            "paramedic", "genetic_counseling", "pediatrics", "obstetrics_gynecology", "generic");

    @Test
    void specialtiesArePublicAndEachHasItsOwnStructure() {
        Http.Response response = http().get("/v1/specialties", null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode list = response.json();
        assertThat(list.findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(SPECIALTY_IDS);
        Set<String> structures = new HashSet<>();
        for (JsonNode specialty : list) {
            assertThat(specialty.get("name").asText()).isNotBlank();
            assertThat(specialty.get("sections").findValuesAsText("section"))
                    .containsExactly("subjective", "objective", "assessment", "plan");
            structures.add(specialty.get("sections").toString());
        }
        assertThat(structures.size()).as("distinct section structures").isGreaterThanOrEqualTo(20);
        JsonNode psychiatrist = find(list, "psychiatrist");
        assertThat(psychiatrist.toString()).contains("Mental Status Exam", "Risk Assessment");
        assertThat(find(list, "psychiatrist").get("templates").toString()).contains("birp", "dap");
        assertThat(find(list, "dentist").get("templates").toString()).doesNotContain("birp");
        assertThat(find(list, "physical_therapy").toString()).contains("Range of Motion", "Strength");
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode node : list) {
            if (node.get("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError(id);
    }

    @Test
    void openApiDescribesTheNoteEndpoints() {
        Http.Response docs = http().get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/v1/note")).isTrue();
        assertThat(paths.has("/v1/note/{noteId}")).isTrue();
        assertThat(paths.has("/v1/specialties")).isTrue();
        assertThat(paths.has("/error")).as("the container's error page is not an API").isFalse();
        JsonNode note = docs.json().at("/components/schemas/NoteResponse/properties");
        assertThat(note.has("billing_codes")).isTrue();
        assertThat(docs.json().at("/components/schemas/DiagnosisBody/properties").has("proposed_by")).isTrue();
        assertThat(docs.json().at("/paths/~1v1~1note/post/responses").has("413")).isTrue();
        assertThat(http().get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void healthAndPrometheusMetrics() {
        Http.Response health = http().get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");

        http().postJson("/v1/note", KEY_A, noteBody(Fixtures.lowBackPain()));
        Http.Response metrics = http().get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("chartscribe_notes_generated_total", "http_server_requests_seconds");
    }

    @Test
    void everyResponseCarriesARequestId() {
        assertThat(http().get("/v1/specialties", null).header("X-Request-Id")).startsWith("req_");
    }
}
