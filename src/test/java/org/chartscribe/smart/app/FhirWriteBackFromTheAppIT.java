package org.chartscribe.smart.app;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.chartscribe.smart.SmartSession;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * {@code $generate-soap} with {@code writeBack=true} called by the launched app: its session cookie and
 * CSRF token are the credentials, the launched patient is the only chart it may write to, and the
 * note goes through the same chart writer as the app's approve, as a preliminary draft.
 */
class FhirWriteBackFromTheAppIT extends SmartAppTestBase {
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpResponse<String> generateSoap(SmartSession session, String csrf, Parameters parameters) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/fhir/$generate-soap"))
                .header("Content-Type", "application/fhir+json")
                .header("Cookie", FakeSmartSessions.COOKIE + "=" + session.sessionId())
                .POST(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(parameters)));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Parameters writeBack() {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("transcript").setValue(new StringType(TestTranscripts.asthmaFollowUp()));
        parameters.addParameter().setName("specialty").setValue(new CodeType("physician"));
        parameters.addParameter().setName("includeBillingCodes").setValue(new BooleanType(true));
        parameters.addParameter().setName("writeBack").setValue(new BooleanType(true));
        return parameters;
    }

    @Test
    void theLaunchedSessionWritesAPreliminaryNoteForTheLaunchedPatientAndGetsASummary() throws Exception {
        SmartSession session = launch(TENANT);
        HttpResponse<String> response = generateSoap(session, session.csrfToken(), writeBack());

        assertThat(response.statusCode()).isEqualTo(200);
        Bundle summary = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
        assertThat(summary.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(summary.getEntry()).isNotEmpty().allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
        RecordingChartWriter.Call call = writer.last();
        assertThat(call.request().approved()).as("not approved by anyone: a preliminary draft").isFalse();
        assertThat(call.request().fhirBaseUrl()).isEqualTo(session.iss());
        assertThat(call.request().chart().patient()).map(Reference::getReference).contains("Patient/" + FakeEhrFhir.PATIENT_ID);
        assertThat(call.request().approvedNote().tenantId()).isEqualTo(TENANT);
        assertThat(call.token()).isEqualTo(FakeSmartSessions.ACCESS_TOKEN);
    }

    @Test
    void withoutTheCsrfTokenTheCookieAloneIsRefusedAndNothingIsWritten() throws Exception {
        SmartSession session = launch(TENANT);
        HttpResponse<String> response = generateSoap(session, null, writeBack());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body()).getIssueFirstRep().getCode())
                .isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
        assertThat(generateSoap(session, "wrong-" + session.csrfToken(), writeBack()).statusCode()).isEqualTo(403);
        assertThat(writer.calls()).isEmpty();
    }

    @Test
    void anotherPatientThanTheLaunchedOneIsForbidden() throws Exception {
        SmartSession session = launch(TENANT);
        Parameters parameters = writeBack();
        parameters.addParameter().setName("patient").setValue(new Reference("Patient/someone-else"));
        HttpResponse<String> response = generateSoap(session, session.csrfToken(), parameters);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("someone-else");
        assertThat(writer.calls()).isEmpty();
    }

    @Test
    void anotherAuthorThanTheLaunchingClinicianIsForbidden() throws Exception {
        SmartSession session = launch(TENANT);
        Parameters parameters = writeBack();
        parameters.addParameter().setName("practitioner").setValue(new Reference("Practitioner/someone-else"));
        assertThat(generateSoap(session, session.csrfToken(), parameters).statusCode()).isEqualTo(403);
        Parameters same = writeBack();
        same.addParameter().setName("practitioner").setValue(new Reference("Practitioner/" + FakeEhrFhir.PRACTITIONER_ID));
        assertThat(generateSoap(session, session.csrfToken(), same).statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionWhoseEhrAccessEndedGetsA401AndNothingIsWritten() throws Exception {
        SmartSession session = launch(TENANT);
        sessions.expireToken(session);
        HttpResponse<String> response = generateSoap(session, session.csrfToken(), writeBack());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body()).getIssueFirstRep().getCode())
                .isEqualTo(OperationOutcome.IssueType.LOGIN);
    }

    @Test
    void aFailedResourceIsReportedInTheSummaryAndTheCallCanBeRepeated() throws Exception {
        SmartSession session = launch(TENANT);
        writer.refuse("The EHR refused the resource (HTTP 422).");
        Bundle failed = FHIR.newJsonParser().parseResource(Bundle.class,
                generateSoap(session, session.csrfToken(), writeBack()).body());
        assertThat(failed.getEntry()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getResponse().getStatus()).startsWith("502");
            assertThat(((OperationOutcome) e.getResponse().getOutcome()).getIssueFirstRep().getDiagnostics())
                    .contains("HTTP 422").contains("again");
        });
    }
}
