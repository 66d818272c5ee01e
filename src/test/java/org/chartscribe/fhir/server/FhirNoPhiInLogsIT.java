package org.chartscribe.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.chartscribe.api.AppTestBase;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * The FHIR twin of {@code NoPhiInLogsIT}: a transcript (and patient id) carrying a unique canary goes
 * through {@code $generate-soap} at every level, successes and failures, with ChartScribe, Spring web,
 * Tomcat and HAPI logging turned up; the canary must appear in no log line.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "logging.level.org.chartscribe=TRACE",
        "logging.level.org.springframework.web=DEBUG",
        "logging.level.org.springframework.jdbc=DEBUG",
        "logging.level.org.apache.catalina=DEBUG",
        "logging.level.ca.uhn.fhir=DEBUG"})
class FhirNoPhiInLogsIT extends AppTestBase {
    private static final String CANARY = "CANARY-FHIR-PATIENT-Kp4Tz81QwN";

    private String transcript() {
        return FhirClients.transcript("low-back-pain-np.txt") + "\nPatient: My name is " + CANARY + " and my back hurts.";
    }

    private Parameters parameters(String... nameValue) {
        Parameters parameters = FhirClients.withTranscript(transcript());
        for (int i = 0; i < nameValue.length; i += 2) {
            parameters.addParameter().setName(nameValue[i]).setValue(new CodeType(nameValue[i + 1]));
        }
        return parameters;
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (BaseServerResponseException e) {
            return e.getStatusCode();
        }
    }

    private FhirClients.Raw raw(String path, String key, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = FhirClients.request(port, path).POST(body).header("Content-Type", contentType);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return FhirClients.send(request.build());
    }

    @Test
    void canaryNeverReachesTheLogs(CapturedOutput output) {
        IGenericClient client = FhirClients.client(port, KEY_A);
        Parameters billing = parameters("dialect", "generic");
        billing.addParameter().setName("includeBillingCodes").setValue(new BooleanType(true));
        billing.addParameter().setName("practitioner").setValue(new Reference("Practitioner/dr-5").setDisplay(CANARY));

        // Successes at system, Patient and Encounter level (the patient id itself is the canary).
        client.operation().onServer().named("$generate-soap").withParameters(billing).returnResourceType(Bundle.class).execute();
        client.operation().onInstance("Patient/" + CANARY).named("$generate-soap").withParameters(parameters("dialect", "epic"))
                .returnResourceType(Bundle.class).execute();
        Parameters oracle = parameters("dialect", "oracle", "specialty", "physical_therapy");
        oracle.addParameter().setName("practitioner").setValue(new Reference("Practitioner/dr-5"));
        client.operation().onInstance("Encounter/" + CANARY).named("$generate-soap").withParameters(oracle)
                .returnResourceType(Bundle.class).execute();

        // Failures through the generic client.
        assertThat(status(() -> client.operation().onServer().named("$generate-soap")
                .withParameters(parameters("specialty", "astrology-" + CANARY)).execute())).isEqualTo(400);
        assertThat(status(() -> client.operation().onInstance("Patient/" + CANARY).named("$generate-soap")
                .withParameters(parameters("specialty", "physician", "template", "birp")).execute())).isEqualTo(400);
        assertThat(status(() -> client.operation().onServer().named("$generate-soap")
                .withParameters(FhirClients.withTranscript(CANARY)).execute())).isEqualTo(400);
        Parameters wrongType = parameters();
        wrongType.addParameter().setName("patient").setValue(new StringType(CANARY));
        assertThat(status(() -> client.operation().onServer().named("$generate-soap").withParameters(wrongType).execute())).isEqualTo(400);
        assertThat(status(() -> FhirClients.client(port, CANARY).operation().onServer().named("$generate-soap")
                .withParameters(parameters()).execute())).isEqualTo(401);
        // Parameters that are not valid FHIR: the practitioner reference's identifier system is not a valid
        // OID. Refused as the client's 400, and neither the log nor the answer quotes the value.
        Parameters invalid = parameters();
        invalid.addParameter().setName("practitioner").setValue(new Reference("Practitioner/dr-5")
                .setIdentifier(new Identifier().setSystem("urn:oid:" + CANARY).setValue(CANARY)));
        FhirClients.Raw failedValidation = raw("/$generate-soap", KEY_A, "application/fhir+json",
                HttpRequest.BodyPublishers.ofString(SharedJson.encode(invalid)));
        assertThat(failedValidation.status()).isEqualTo(400);
        assertThat(failedValidation.body()).contains(FhirOutcomes.INVALID_VALUE).doesNotContain(CANARY);

        // Failures only raw HTTP can send.
        String json = SharedJson.encode(parameters());
        String oversized = json.replace(CANARY, CANARY + "x".repeat(3 * 1024 * 1024));
        assertThat(raw("/$generate-soap", KEY_A, "application/fhir+json", HttpRequest.BodyPublishers.ofString(oversized)).status())
                .isEqualTo(413);
        byte[] chunked = oversized.getBytes(StandardCharsets.UTF_8);
        assertThat(raw("/Encounter/e-1/$generate-soap", KEY_A, "application/fhir+json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked))).status()).isEqualTo(413);
        assertThat(raw("/$generate-soap", KEY_A, "application/fhir+json",
                HttpRequest.BodyPublishers.ofString(json.substring(0, json.indexOf(CANARY) + CANARY.length()))).status()).isEqualTo(400);
        assertThat(raw("/$generate-soap", KEY_A, "application/fhir+json",
                HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + CANARY + "\"}]}")).status())
                .isEqualTo(400);
        assertThat(raw("/$generate-soap", KEY_A, "application/fhir+json",
                HttpRequest.BodyPublishers.ofString(json.replace("\"valueString\"", "\"valueInteger\""))).status()).isEqualTo(400);
        assertThat(raw("/$generate-soap", KEY_A, "text/plain", HttpRequest.BodyPublishers.ofString(transcript())).status()).isEqualTo(415);
        assertThat(raw("/$generate-soap", null, "application/fhir+json", HttpRequest.BodyPublishers.ofString(json)).status()).isEqualTo(401);
        assertThat(raw("/Patient/" + CANARY, KEY_A, "application/fhir+json", HttpRequest.BodyPublishers.ofString(json)).status())
                .isEqualTo(404);
        assertThat(raw("/$" + CANARY, KEY_A, "application/fhir+json", HttpRequest.BodyPublishers.ofString(json)).status())
                .isEqualTo(404);

        assertThat(output.getAll()).contains("/fhir/Patient/{id}/$generate-soap").doesNotContain(CANARY)
                // Client errors are not logged as server errors with stack traces (HAPI does so for exceptions thrown by hooks).
                .doesNotContain("Exception thrown by interceptor");
    }

    /** JSON of a resource, as a client would send it. */
    private static final class SharedJson {
        static String encode(Parameters parameters) {
            return org.chartscribe.fhir.SharedValidator.FHIR.newJsonParser().encodeResourceToString(parameters);
        }
    }
}
