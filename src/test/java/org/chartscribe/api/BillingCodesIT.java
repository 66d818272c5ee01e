package org.chartscribe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code billing_codes} over HTTP: the contract's shape, stored with the note, absent unless asked for. */
class BillingCodesIT extends AppTestBase {

    private static final String TRANSCRIPT = """
            [doctor] hi, good to see you again. how is your blood pressure doing?
            [patient] it has been high at home, and my right ankle hurts since i twisted it on the stairs yesterday.
            [doctor] on exam the right ankle is swollen over the lateral ligaments. the x-ray shows no fracture.
            [doctor] assessment: right ankle sprain. hypertension, not well controlled.
            [doctor] plan: we will increase your lisinopril to 20 mg daily, and rest, ice and ibuprofen for the ankle.
            """;

    @Test
    void noteCarriesBillingCodesInTheContractShapeAndKeepsThem() {
        String body = Http.json(Map.of("transcript", TRANSCRIPT, "specialty", "physician", "include_billing_codes", true));
        Http.Response response = http().postJson("/v1/note", KEY_A, body);
        assertThat(response.status()).isEqualTo(200);
        JsonNode codes = response.json().get("billing_codes");
        assertThat(codes).isNotNull();
        assertThat(fieldNames(codes)).containsExactly("icd10", "cpt", "code_sets");

        assertThat(codes.get("icd10").size()).isGreaterThan(0);
        for (JsonNode dx : codes.get("icd10")) {
            assertThat(fieldNames(dx)).containsExactly("code", "description", "confidence", "evidence", "rationale",
                    "proposed_by");
            assertThat(dx.get("proposed_by").toString()).isEqualTo("[\"embedded\"]");
            assertThat(dx.get("code").asText()).matches("[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?");
            assertThat(dx.get("confidence").asDouble()).isBetween(0.0, 1.0);
            for (JsonNode span : dx.get("evidence")) {
                assertThat(fieldNames(span)).containsExactly("start", "end");
                assertThat(span.get("end").asInt()).isGreaterThan(span.get("start").asInt())
                        .isLessThanOrEqualTo(TRANSCRIPT.length());
            }
        }
        assertThat(codes.get("icd10").findValuesAsText("code")).contains("S93.401A");
        assertThat(codes.get("cpt").size()).isGreaterThan(0);
        for (JsonNode cpt : codes.get("cpt")) {
            assertThat(fieldNames(cpt)).containsExactly("code", "description", "confidence", "rationale", "modifiers",
                    "proposed_by");
            assertThat(cpt.get("code").asText()).matches("[0-9]{4}[0-9A-Z]|[A-Z][0-9]{4}");
            assertThat(cpt.get("modifiers").isArray()).isTrue();
        }
        assertThat(codes.get("cpt").get(0).get("code").asText()).startsWith("9921");
        assertThat(codes.get("code_sets").get("icd10cm").asText()).startsWith("FY2025 (April 2025 update, full code set with Alphabetic Index, ");
        assertThat(codes.get("code_sets").get("cpt").asText()).startsWith("E/M 2021 rules");

        JsonNode stored = http().get("/v1/note/" + response.json().get("noteId").asText(), KEY_A).json();
        assertThat(stored.get("billing_codes")).isEqualTo(codes);
    }

    @Test
    void absentWhenNotAskedFor() {
        JsonNode note = http().postJson("/v1/note", KEY_A, noteBody(TRANSCRIPT)).json();
        assertThat(note.has("billing_codes")).isFalse();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
