package org.chartscribe.smart.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chartscribe.ehr.WriteBack;
import org.chartscribe.fhir.Icd10Suggestion;
import org.chartscribe.note.SoapPart;
import org.chartscribe.smart.SmartSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The app's server-side API: its own rules, with test doubles of the session store and the chart writer. */
class SmartAppApiIT extends SmartAppTestBase {
    private AppHttp http;

    @BeforeEach
    void client() {
        http = new AppHttp(port);
    }

    private Map<String, Object> noteBody() {
        return Map.of("transcript", TestTranscripts.asthmaFollowUp(), "specialty", "physician", "template", "standard");
    }

    private JsonNode generate(SmartSession session) {
        AppHttp.Response response = http.post("/smart/api/note", session, noteBody());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static Map<String, Object> approval(JsonNode note) {
        Map<String, Object> body = new HashMap<>();
        for (String part : List.of("subjective", "objective", "assessment", "plan")) {
            body.put(part, note.path(part).asText());
        }
        body.put("icd10", codes(note, "icd10"));
        body.put("cpt", codes(note, "cpt"));
        return body;
    }

    private static List<String> codes(JsonNode note, String kind) {
        List<String> codes = new ArrayList<>();
        note.path("billing_codes").path(kind).forEach(c -> codes.add(c.path("code").asText()));
        return codes;
    }

    private static void assertProblem(AppHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo(code);
    }

    @Test
    void withoutASessionEveryCallIs401AndNoApiKeyHelps() {
        AppHttp.Response context = http.get("/smart/api/context", null);
        assertProblem(context, 401, "AUTHENTICATION_ERROR");
        assertThat(context.json().path("detail").asText())
                .isEqualTo("Your ChartScribe session has ended; open ChartScribe from the EHR again.");
        assertProblem(http.post("/smart/api/note", null, noteBody(), "anything", null), 401, "AUTHENTICATION_ERROR");

        SmartSession ended = launch(TENANT);
        sessions.end(ended);
        assertProblem(http.get("/smart/api/context", ended), 401, "AUTHENTICATION_ERROR");
        // An API key is not a session.
        assertProblem(http.send(http.request("/smart/api/context", null)
                .header("Authorization", "Bearer cs_some_api_key").GET().build()), 401, "AUTHENTICATION_ERROR");
    }

    @Test
    void postsNeedTheSessionsCsrfTokenAndTheSameOrigin() {
        SmartSession session = launch(TENANT);
        assertProblem(http.post("/smart/api/note", session, noteBody(), null, null), 403, "AUTHORIZATION_ERROR");
        assertProblem(http.post("/smart/api/note", session, noteBody(), session.csrfToken() + "x", null),
                403, "AUTHORIZATION_ERROR");
        SmartSession other = launch(TENANT);
        assertProblem(http.post("/smart/api/note", session, noteBody(), other.csrfToken(), null),
                403, "AUTHORIZATION_ERROR");
        assertProblem(http.post("/smart/api/note", session, noteBody(), session.csrfToken(), "https://evil.example"),
                403, "AUTHORIZATION_ERROR");
        assertProblem(http.post("/smart/api/note", session, noteBody(), session.csrfToken(), "null"),
                403, "AUTHORIZATION_ERROR");
        assertProblem(http.post("/smart/api/note/note_01JABCDEFGHJKMNPQRSTVWXYZ0/approve", session, Map.of(), null, null),
                403, "AUTHORIZATION_ERROR");
        assertThat(writer.calls()).isEmpty();

        AppHttp.Response sameOrigin = http.post("/smart/api/note", session, noteBody(), session.csrfToken(), http.base());
        assertThat(sameOrigin.status()).as(sameOrigin.body()).isEqualTo(200);
    }

    @Test
    void behindATlsProxyThePublicOriginIsTheAppsOwn() {
        SmartSession session = launch(TENANT);
        // The proxy (on loopback here, an internal address) forwards https://chart.example.org.
        java.net.http.HttpRequest proxied = http.request("/smart/api/note", session)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(AppHttp.json(noteBody())))
                .header("Content-Type", "application/json").header("X-CSRF-Token", session.csrfToken())
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "chart.example.org")
                .header("X-Forwarded-Port", "443").header("Origin", "https://chart.example.org").build();
        AppHttp.Response response = http.send(proxied);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        AppHttp.Response foreign = http.send(http.request("/smart/api/note", session)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(AppHttp.json(noteBody())))
                .header("Content-Type", "application/json").header("X-CSRF-Token", session.csrfToken())
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "chart.example.org")
                .header("Origin", "https://evil.example").build());
        assertThat(foreign.status()).isEqualTo(403);
    }

    @Test
    void contextShowsThePatientEncounterAndUserReadWithTheUsersToken() {
        SmartSession session = launch(TENANT);
        AppHttp.Response response = http.get("/smart/api/context", session);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).contains("no-store");
        JsonNode context = response.json();
        assertThat(context.path("patient").path("id").asText()).isEqualTo(FakeEhrFhir.PATIENT_ID);
        assertThat(context.path("patient").path("name").asText()).isEqualTo(FakeEhrFhir.PATIENT_NAME);
        assertThat(context.path("patient").path("birthDate").asText()).isEqualTo(FakeEhrFhir.BIRTH_DATE);
        assertThat(context.path("encounter").path("id").asText()).isEqualTo(FakeEhrFhir.ENCOUNTER_ID);
        assertThat(context.path("encounter").path("display").asText()).isEqualTo("Office visit");
        assertThat(context.path("encounter").path("start").asText()).startsWith("2026-12-03");
        assertThat(context.path("user").path("display").asText()).contains("Rivera");
        assertThat(context.path("detailsLoaded").asBoolean()).isTrue();
        assertThat(context.path("csrfToken").asText()).isEqualTo(session.csrfToken());
        assertThat(context.path("dialect").asText()).isEqualTo("generic");
        assertThat(context.path("specialties")).hasSize(24);
        assertThat(context.path("expiresAt").asText()).isNotBlank();
        JsonNode psychiatrist = null;
        for (JsonNode s : context.path("specialties")) {
            if (s.path("id").asText().equals("psychiatrist")) {
                psychiatrist = s;
            }
        }
        assertThat(psychiatrist).isNotNull();
        assertThat(psychiatrist.path("templates").toString()).contains("birp", "dap");
    }

    @Test
    void contextStillAnswersWhenTheEhrCannotBeRead() {
        SmartSession session = launch(TENANT);
        EHR.setDown(true);
        AppHttp.Response response = http.get("/smart/api/context", session);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode context = response.json();
        assertThat(context.path("detailsLoaded").asBoolean()).isFalse();
        assertThat(context.path("patient").path("id").asText()).isEqualTo(FakeEhrFhir.PATIENT_ID);
        assertThat(context.path("patient").path("name").isNull()).isTrue();
        assertThat(context.path("encounter").path("id").asText()).isEqualTo(FakeEhrFhir.ENCOUNTER_ID);
        assertThat(context.path("csrfToken").asText()).isEqualTo(session.csrfToken());
    }

    @Test
    void anExpiredEhrTokenEndsTheSession() {
        SmartSession session = launch(TENANT);
        JsonNode note = generate(session);
        sessions.expireToken(session);
        assertProblem(http.get("/smart/api/context", session), 401, "AUTHENTICATION_ERROR");
        AppHttp.Response approve = http.post("/smart/api/note/" + note.path("noteId").asText() + "/approve",
                session, approval(note));
        assertProblem(approve, 401, "AUTHENTICATION_ERROR");
        assertThat(approve.json().path("detail").asText()).contains("open ChartScribe from the EHR again");
    }

    @Test
    void generatesTheSameNoteJsonAsTheRestApiWithBillingCodes() {
        JsonNode note = generate(launch(TENANT));
        assertThat(note.path("noteId").asText()).matches("note_[0-9A-Za-z]{26}");
        for (String part : List.of("subjective", "objective", "assessment", "plan")) {
            assertThat(note.path(part).asText()).as(part).isNotBlank();
        }
        assertThat(note.path("sections").path("plan").isArray()).isTrue();
        assertThat(note.path("specialty").asText()).isEqualTo("physician");
        assertThat(note.path("billing_codes").path("icd10").isArray()).isTrue();
        assertThat(codes(note, "icd10")).isNotEmpty();
        assertThat(codes(note, "cpt")).isNotEmpty();
        assertThat(note.has("created_at")).isTrue();
    }

    @Test
    void badInputIs400WithTheRestApisRules() {
        SmartSession session = launch(TENANT);
        AppHttp.Response tooShort = http.post("/smart/api/note", session,
                Map.of("transcript", "Patient: cough.", "specialty", "physician"));
        assertProblem(tooShort, 400, "VALIDATION_ERROR");
        assertThat(tooShort.json().path("errors").get(0).path("field").asText()).isEqualTo("transcript");

        AppHttp.Response badTemplate = http.post("/smart/api/note", session,
                Map.of("transcript", TestTranscripts.asthmaFollowUp(), "specialty", "physician", "template", "birp"));
        assertProblem(badTemplate, 400, "VALIDATION_ERROR");
        assertThat(badTemplate.body()).contains("template");

        assertProblem(http.post("/smart/api/note", session, "{not json"), 400, "VALIDATION_ERROR");
        assertProblem(http.post("/smart/api/note", session, "[]"), 400, "VALIDATION_ERROR");

        JsonNode note = generate(session);
        String approvePath = "/smart/api/note/" + note.path("noteId").asText() + "/approve";
        Map<String, Object> blankPlan = approval(note);
        blankPlan.put("plan", "   ");
        AppHttp.Response blank = http.post(approvePath, session, blankPlan);
        assertProblem(blank, 400, "VALIDATION_ERROR");
        assertThat(blank.json().path("errors").get(0).path("field").asText()).isEqualTo("plan");

        Map<String, Object> inventedCode = approval(note);
        inventedCode.put("icd10", List.of("Z99.89"));
        AppHttp.Response invented = http.post(approvePath, session, inventedCode);
        assertProblem(invented, 400, "VALIDATION_ERROR");
        assertThat(invented.json().path("errors").get(0).path("field").asText()).isEqualTo("icd10[0]");

        Map<String, Object> huge = approval(note);
        huge.put("subjective", "x".repeat(ApprovedNotes.MAX_SECTION_CHARS + 1));
        assertProblem(http.post(approvePath, session, huge), 400, "VALIDATION_ERROR");
        assertThat(writer.calls()).isEmpty();
    }

    @Test
    void requestSizeLimitAppliesToTheAppApi() {
        SmartSession session = launch(TENANT);
        String big = "{\"transcript\":\"" + "a".repeat(2 * 1024 * 1024 + 10) + "\"}";
        AppHttp.Response response = http.post("/smart/api/note", session, big);
        assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void anotherTenantsOrAnUnknownNoteIs404() {
        JsonNode note = generate(launch(TENANT));
        SmartSession other = launch(OTHER_TENANT);
        assertProblem(http.post("/smart/api/note/" + note.path("noteId").asText() + "/approve", other, approval(note)),
                404, "NOT_FOUND");
        assertProblem(http.post("/smart/api/note/note_01JABCDEFGHJKMNPQRSTVWXYZ0/approve", other, approval(note)),
                404, "NOT_FOUND");
        assertProblem(http.post("/smart/api/note/not-a-note/approve", other, approval(note)), 404, "NOT_FOUND");
        assertThat(writer.calls()).isEmpty();
    }

    @Test
    void aNoteDraftedInAnotherLaunchOfTheSameTenantCannotBeApprovedHere() {
        // Same EHR (tenant), another launch: another patient's chart. Knowing the note id is not enough.
        JsonNode note = generate(launch(TENANT));
        SmartSession anotherLaunch = launch(TENANT);
        assertProblem(http.post("/smart/api/note/" + note.path("noteId").asText() + "/approve", anotherLaunch,
                approval(note)), 404, "NOT_FOUND");
        assertThat(writer.calls()).isEmpty();
    }

    @Test
    void approvePassesOnlyTheEditedTextAndTheKeptCodesToTheWriter() {
        SmartSession session = launch(TENANT);
        JsonNode note = generate(session);
        List<String> icd10 = codes(note, "icd10");
        List<String> cpt = codes(note, "cpt");
        Map<String, Object> body = approval(note);
        body.put("plan", "Step up to fluticasone-salmeterol twice daily. Recheck in 4 weeks. Edited by the clinician.");
        List<String> keptIcd = icd10.subList(1, icd10.size());
        body.put("icd10", keptIcd);
        AppHttp.Response response = http.post("/smart/api/note/" + note.path("noteId").asText() + "/approve", session, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("complete").asBoolean()).isTrue();
        assertThat(response.json().path("resources").get(0).path("resourceType").asText()).isEqualTo("DocumentReference");
        assertThat(response.json().path("resources").get(0).path("outcome").asText()).isEqualTo("created");
        assertThat(response.json().path("resources").get(0).path("url").asText()).startsWith(EHR.baseUrl() + "/DocumentReference/");

        RecordingChartWriter.Call call = writer.last();
        WriteBack request = call.request();
        assertThat(call.token()).isEqualTo(FakeSmartSessions.ACCESS_TOKEN);
        assertThat(request.fhirBaseUrl()).isEqualTo(EHR.baseUrl());
        assertThat(request.dialect()).isEqualTo(session.dialect());
        assertThat(request.approvedNote().noteId()).isEqualTo(note.path("noteId").asText());
        assertThat(request.approvedNote().tenantId()).isEqualTo(TENANT);
        assertThat(request.approvedNote().draft().render(SoapPart.PLAN)).contains("Edited by the clinician.");
        assertThat(request.approvedNote().draft().render(SoapPart.SUBJECTIVE))
                .contains(note.path("subjective").asText().strip());
        assertThat(request.keptCodes().diagnoses()).extracting(Icd10Suggestion::code).containsExactlyElementsOf(keptIcd);
        assertThat(request.keptCodes().diagnoses()).extracting(Icd10Suggestion::code).doesNotContain(icd10.get(0));
        assertThat(request.keptCodes().procedures()).hasSize(cpt.size());
        assertThat(request.approvedNote().draft().billingCodes().icd10()).extracting(d -> d.code())
                .containsExactlyElementsOf(keptIcd);
        assertThat(request.chart().patient().orElseThrow().getReference()).isEqualTo("Patient/" + FakeEhrFhir.PATIENT_ID);
        assertThat(request.chart().encounter().orElseThrow().getReference()).isEqualTo("Encounter/" + FakeEhrFhir.ENCOUNTER_ID);
        assertThat(request.chart().practitioner().orElseThrow().getReference())
                .isEqualTo("Practitioner/" + FakeEhrFhir.PRACTITIONER_ID);

        // Approving again is the retry: the writer reports what is already there.
        AppHttp.Response again = http.post("/smart/api/note/" + note.path("noteId").asText() + "/approve", session, body);
        assertThat(again.json().path("resources").get(0).path("outcome").asText()).isEqualTo("existing");
    }

    @Test
    void aRefusingEhrIsReportedPerResourceAndCanBeRetried() {
        SmartSession session = launch(TENANT);
        JsonNode note = generate(session);
        writer.refuse("The EHR refused the request (HTTP 403).");
        String path = "/smart/api/note/" + note.path("noteId").asText() + "/approve";
        AppHttp.Response refused = http.post(path, session, approval(note));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.json().path("complete").asBoolean()).isFalse();
        refused.json().path("resources").forEach(r -> {
            assertThat(r.path("outcome").asText()).isEqualTo("failed");
            assertThat(r.path("error").asText()).contains("refused");
            assertThat(r.path("id").isNull()).isTrue();
        });
        writer.refuse(null);
        AppHttp.Response retried = http.post(path, session, approval(note));
        assertThat(retried.json().path("complete").asBoolean()).isTrue();
    }

    @Test
    void theAppIsServedWithItsSecurityHeaders() {
        AppHttp.Response page = http.get("/smart/app/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<textarea id=\"transcript\"");
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "frame-ancestors 'self' https://ehr.example.org");
        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Cache-Control")).contains("no-store");
        assertThat(page.header("X-Frame-Options")).isNull();

        AppHttp.Response script = http.get("/smart/app/app.js", null);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).contains("javascript");
        assertThat(script.header("Content-Security-Policy")).contains("frame-ancestors");
        assertThat(script.body()).doesNotContain("localStorage", "sessionStorage");
        assertThat(http.get("/smart/app/app.css", null).status()).isEqualTo(200);
        assertThat(http.get("/smart/app/README.md", null).status()).isEqualTo(404);
        AppHttp.Response bare = http.get("/smart/app", null);
        assertThat(bare.status()).isEqualTo(302);
        assertThat(bare.header("Location")).endsWith("/smart/app/");
    }
}
