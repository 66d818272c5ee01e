package org.chartscribe.testehr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test EHR behaves like a real FHIR server where the write-back and the SMART launch rely on it. */
class TestFhirServerTest {
    private static final FhirContext FHIR = FhirContext.forR4();
    private static TestFhirServer ehr;
    private static IGenericClient client;

    @BeforeAll
    static void start() {
        ehr = TestFhirServer.start(FHIR);
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        client = FHIR.newRestfulGenericClient(ehr.baseUrl());
    }

    @AfterAll
    static void stop() {
        ehr.close();
    }

    @BeforeEach
    void reset() {
        ehr.reset();
    }

    private static Condition condition(String identifier) {
        Condition condition = new Condition();
        condition.addIdentifier().setSystem("urn:test").setValue(identifier);
        condition.setSubject(ehr.patient());
        return condition;
    }

    @Test
    void seedsOnePatientsChart() {
        Patient patient = client.read().resource(Patient.class).withId(TestFhirServer.PATIENT_ID).execute();
        assertThat(patient.getNameFirstRep().getNameAsSingleString()).isEqualTo("Ada Example");
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1970-01-01");
        Bundle active = client.search().byUrl("Coverage?patient=Patient/" + TestFhirServer.PATIENT_ID + "&status=active")
                .returnBundle(Bundle.class).execute();
        assertThat(active.getEntry()).singleElement().satisfies(e ->
                assertThat(e.getResource().getIdElement().getIdPart()).isEqualTo(TestFhirServer.COVERAGE_ID));
        assertThat(ehr.stored(Coverage.class)).hasSize(2);
    }

    @Test
    void createAnswers201WithLocationAndConditionalCreateFindsTheMatch() {
        MethodOutcome created = client.create().resource(condition("a")).conditionalByUrl("Condition?identifier=urn:test|a").execute();
        assertThat(created.getCreated()).isTrue();
        assertThat(created.getResponseStatusCode()).isEqualTo(201);
        assertThat(created.getFirstResponseHeader("Location")).get().asString().contains("/fhir/Condition/" + created.getId().getIdPart());

        MethodOutcome again = client.create().resource(condition("a")).conditionalByUrl("Condition?identifier=urn:test|a").execute();
        assertThat(again.getResponseStatusCode()).isEqualTo(200);
        assertThat(again.getId().getIdPart()).isEqualTo(created.getId().getIdPart());
        assertThat(ehr.stored(Condition.class)).hasSize(1);

        client.create().resource(condition("b")).execute();
        client.create().resource(condition("b")).execute();
        assertThatThrownBy(() -> client.create().resource(condition("b")).conditionalByUrl("Condition?identifier=urn:test|b").execute())
                .isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void searchesByIdentifierAndSubject() {
        client.create().resource(condition("c")).execute();
        assertThat(client.search().byUrl("Condition?identifier=urn:test|c").returnBundle(Bundle.class).execute().getEntry()).hasSize(1);
        assertThat(client.search().byUrl("Condition?identifier=urn:other|c").returnBundle(Bundle.class).execute().getEntry()).isEmpty();
        assertThat(client.search().byUrl("Condition?subject=Patient/" + TestFhirServer.PATIENT_ID).returnBundle(Bundle.class)
                .execute().getEntry()).hasSize(1);
    }

    @Test
    void requestsWithoutTheExpectedBearerTokenAnswer401ButDiscoveryStaysOpen() throws Exception {
        ehr.requireBearerToken("right-token");
        assertThatThrownBy(() -> client.read().resource(Patient.class).withId(TestFhirServer.PATIENT_ID).execute())
                .isInstanceOf(AuthenticationException.class);

        IGenericClient authorised = FHIR.newRestfulGenericClient(ehr.baseUrl());
        authorised.registerInterceptor(new BearerTokenAuthInterceptor("right-token"));
        assertThat(authorised.read().resource(Patient.class).withId(TestFhirServer.PATIENT_ID).execute().getIdElement().getIdPart())
                .isEqualTo(TestFhirServer.PATIENT_ID);
        assertThat(client.capabilities().ofType(CapabilityStatement.class).execute().getFhirVersion().toCode()).isEqualTo("4.0.1");

        ehr.acceptBearerTokens(token -> token.startsWith("issued-"));
        IGenericClient issued = FHIR.newRestfulGenericClient(ehr.baseUrl());
        issued.registerInterceptor(new BearerTokenAuthInterceptor("issued-42"));
        assertThat(issued.read().resource(Patient.class).withId(TestFhirServer.PATIENT_ID).execute()).isNotNull();
        assertThatThrownBy(() -> authorised.read().resource(Patient.class).withId(TestFhirServer.PATIENT_ID).execute())
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void servesSmartConfigurationAndOAuthUrisWhenConfigured() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI wellKnown = URI.create(ehr.baseUrl() + "/.well-known/smart-configuration");
        assertThat(http.send(HttpRequest.newBuilder(wellKnown).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);

        ehr.smartConfiguration(Map.of("authorization_endpoint", "http://127.0.0.1:1/authorize",
                "token_endpoint", "http://127.0.0.1:1/token", "capabilities", java.util.List.of("launch-ehr")));
        HttpResponse<String> config = http.send(HttpRequest.newBuilder(wellKnown).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(config.body()).contains("\"token_endpoint\":\"http://127.0.0.1:1/token\"", "launch-ehr");

        ehr.oauthUris(URI.create("http://127.0.0.1:1/authorize"), URI.create("http://127.0.0.1:1/token"));
        CapabilityStatement metadata = client.capabilities().ofType(CapabilityStatement.class).execute();
        Extension uris = metadata.getRestFirstRep().getSecurity().getExtensionByUrl(TestFhirServer.OAUTH_URIS);
        assertThat(uris.getExtensionByUrl("authorize").getValue().primitiveValue()).isEqualTo("http://127.0.0.1:1/authorize");
        assertThat(uris.getExtensionByUrl("token").getValue().primitiveValue()).isEqualTo("http://127.0.0.1:1/token");
    }

    @Test
    void injectedFaultsCarryRetryAfterAndTheOutageRefusesConnections() throws Exception {
        ehr.throttleNextCreates("Condition", 1, "2");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest post = HttpRequest.newBuilder(URI.create(ehr.baseUrl() + "/Condition"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(condition("d")))).build();
        HttpResponse<String> throttled = http.send(post, HttpResponse.BodyHandlers.ofString());
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("2");
        assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);

        ehr.simulateOutage();
        try {
            assertThatThrownBy(() -> http.send(post, HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
        } finally {
            ehr.endOutage();
        }
        assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
    }
}
