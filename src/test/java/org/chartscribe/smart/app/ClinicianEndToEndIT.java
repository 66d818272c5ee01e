package org.chartscribe.smart.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.nimbusds.jose.JWSAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.chartscribe.testehr.TestAuthorizationServer;
import org.chartscribe.testehr.TestEhr;
import org.chartscribe.testehr.TestFhirServer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Provenance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole product as a clinician meets it, with nothing faked: a real EHR (Spring Authorization Server
 * plus a HAPI FHIR server holding the chart), ChartScribe as a confidential asymmetric client
 * ({@code private_key_jwt}), and Debian's chromium. EHR launch -> authorize -> callback -> the app ->
 * paste -> generate -> edit the Plan -> uncheck a code -> approve -> the result list -> the resources
 * read back from the EHR's FHIR server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ClinicianEndToEndIT {
    private static final String CLIENT_ID = "chartscribe-e2e";
    private static final TestEhr EHR = TestEhr.start();
    private static final Path DATA_DIR = tempDir();
    private static final String EDITED_PLAN = "Step up to fluticasone-salmeterol 250/50 one inhalation twice daily.\n"
            + "Albuterol as needed. Asthma action plan reviewed. Recheck in 4 weeks. [E2E-EDIT]";

    private static DebianChromium.Running chromium;

    @LocalServerPort
    int port;

    private BrowserContext context;
    private ClinicianAppPage app;

    @DynamicPropertySource
    static void smart(DynamicPropertyRegistry registry) {
        registry.add("chartscribe.data-dir", DATA_DIR::toString);
        registry.add("chartscribe.smart.iss-allowlist", EHR::iss);
        registry.add("chartscribe.smart.client-id", () -> CLIENT_ID);
        registry.add("chartscribe.smart.client-auth", () -> "private_key_jwt");
        registry.add("chartscribe.smart.signing-alg", () -> "ES384");
        registry.add("chartscribe.smart.dialects", () -> EHR.iss() + "=generic");
        registry.add("chartscribe.ehr.max-attempts", () -> "2");
    }

    @BeforeAll
    static void startBrowser() {
        chromium = DebianChromium.start();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void registerAndOpenBrowser() {
        EHR.fhir().reset();
        EHR.auth().reset();
        EHR.auth().registerClient(TestAuthorizationServer.Client.privateKeyJwt(CLIENT_ID, JWSAlgorithm.ES384,
                base() + "/.well-known/jwks.json"));
        context = chromium.newContext();
        app = new ClinicianAppPage(context.newPage());
    }

    @AfterEach
    void closeBrowser() {
        if (context != null) {
            context.close();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The EHR opens the launch URL; the browser follows the redirects through the EHR's login to the app. */
    private void launchFromTheEhr() {
        Page page = app.page();
        page.navigate(EHR.launchUrl(base(), EHR.launchForSeededEncounter()));
        page.waitForURL(base() + ClinicianAppPage.PATH);
        app.waitUntilStarted();
        assertThat(app.hasAlert()).as("no alert after launch").isFalse();
        // Nothing of the launch (code, state, patient) stays in the address bar.
        assertThat(page.url()).isEqualTo(base() + ClinicianAppPage.PATH);
    }

    @Test
    void aClinicianLaunchesEditsApprovesAndFindsExactlyTheApprovedResourcesInTheChart(CapturedOutput output) {
        launchFromTheEhr();
        assertThat(app.bannerText()).contains("Ada").contains("Example");

        app.generate(TestTranscripts.primaryCareVisit(), "Physician", "Standard");
        assertThat(app.section("Subjective")).isNotBlank();
        assertThat(app.section("Assessment")).isNotBlank();
        // ICD-10-CM codes start with a letter (Z23 has no dot), CPT codes with a digit.
        List<String> icd10 = app.codes().stream().filter(c -> Character.isLetter(c.charAt(0))).toList();
        assertThat(icd10).as("several diagnoses suggested").hasSizeGreaterThanOrEqualTo(2);
        String dropped = icd10.get(icd10.size() - 1);
        List<String> kept = icd10.subList(0, icd10.size() - 1);
        app.editPlan(EDITED_PLAN);
        app.uncheck(dropped);
        app.approve();

        assertThat(app.hasAlert()).isFalse();
        List<String> written = app.writtenItems();
        assertThat(written).anyMatch(item -> item.contains("DocumentReference"));
        assertThat(written).anyMatch(item -> item.contains("Provenance"));
        assertThat(written).noneMatch(item -> item.toLowerCase().contains("failed"));
        assertThat(app.writtenLinks()).isNotEmpty();
        assertThat(app.storedItems()).isZero();

        TestFhirServer chart = EHR.fhir();
        List<DocumentReference> documents = chart.stored(DocumentReference.class);
        assertThat(documents).hasSize(1);
        DocumentReference document = documents.get(0);
        assertThat(document.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.FINAL);
        assertThat(document.getSubject().getReference()).endsWith("Patient/" + TestFhirServer.PATIENT_ID);
        String text = new String(document.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8);
        assertThat(text).contains("[E2E-EDIT]");
        List<Condition> conditions = chart.stored(Condition.class);
        assertThat(conditions).extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactlyInAnyOrderElementsOf(kept).doesNotContain(dropped);
        assertThat(chart.stored(Claim.class)).singleElement().satisfies(claim -> assertThat(claim.getDiagnosis())
                .extracting(d -> d.getDiagnosisCodeableConcept().getCodingFirstRep().getCode()).doesNotContain(dropped));
        assertThat(chart.stored(Provenance.class)).hasSize(1);

        // What is in the chart can no longer be changed from here (a later edit would not reach it).
        assertThat(app.textbox("Plan").isEditable()).isFalse();
        assertThat(app.code(kept.get(0)).isDisabled()).isTrue();
        // Approving again (a double click, or a retry) writes nothing new.
        app.approve();
        assertThat(app.writtenItems()).allMatch(item -> !item.toLowerCase().contains("failed"));
        assertThat(chart.stored(DocumentReference.class)).hasSize(1);
        assertThat(chart.stored(Condition.class)).hasSameSizeAs(conditions);
        assertThat(chart.stored(Claim.class)).hasSize(1);

        // Nothing of the encounter, the patient or the session reached a log line on the way.
        String cookie = context.cookies().stream().filter(c -> c.name.equals("cs_smart_session"))
                .map(c -> c.value).findFirst().orElseThrow();
        assertThat(output.getAll()).as("the log was captured").contains("Write-back of note")
                .doesNotContain("[E2E-EDIT]").doesNotContain("empagliflozin")
                .doesNotContain("Ada Example").doesNotContain(cookie);
    }

    @Test
    void whenTheEhrIsDownTheAppSaysSoAndApprovingLaterCompletesTheWrite() {
        launchFromTheEhr();
        app.generate(TestTranscripts.asthmaFollowUp(), "Physician", "Standard");
        app.editPlan(EDITED_PLAN);

        EHR.fhir().simulateOutage();
        try {
            app.approve();
            assertThat(app.alertText()).isNotBlank();
            assertThat(app.approveButton().isEnabled()).isTrue();
        } finally {
            EHR.fhir().endOutage();
        }
        assertThat(EHR.fhir().stored(DocumentReference.class)).isEmpty();

        app.approve();
        assertThat(app.writtenItems()).isNotEmpty().noneMatch(item -> item.toLowerCase().contains("failed"));
        assertThat(EHR.fhir().stored(DocumentReference.class)).hasSize(1);
        String text = new String(EHR.fhir().stored(DocumentReference.class).get(0).getContentFirstRep()
                .getAttachment().getData(), StandardCharsets.UTF_8);
        assertThat(text).contains("[E2E-EDIT]");
    }

    @Test
    @SuppressWarnings("unchecked")
    void generateSoapWithWriteBackFromTheLaunchedAppWritesAPreliminaryNoteToTheLaunchedChart() {
        launchFromTheEhr();
        // The app's own page calls the FHIR endpoint with its session cookie and CSRF token, as a
        // FHIR-speaking front end inside the EHR would.
        Map<String, Object> answer = (Map<String, Object>) app.page().evaluate("""
                async (transcript) => {
                  const context = await (await fetch('/smart/api/context')).json();
                  const response = await fetch('/fhir/$generate-soap', {method: 'POST',
                    headers: {'Content-Type': 'application/fhir+json', 'X-CSRF-Token': context.csrfToken},
                    body: JSON.stringify({resourceType: 'Parameters', parameter: [
                      {name: 'transcript', valueString: transcript},
                      {name: 'includeBillingCodes', valueBoolean: true},
                      {name: 'writeBack', valueBoolean: true}]})});
                  return {status: response.status, body: await response.text()};
                }""", TestTranscripts.asthmaFollowUp());
        assertThat(answer.get("status")).isEqualTo(200);
        Bundle summary = EHR.fhir().fhirContext().newJsonParser().parseResource(Bundle.class, (String) answer.get("body"));
        assertThat(summary.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(summary.getEntry()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getResponse().getStatus()).startsWith("201");
            assertThat(e.getResponse().getLocation()).startsWith(EHR.iss());
        });
        List<DocumentReference> documents = EHR.fhir().stored(DocumentReference.class);
        assertThat(documents).singleElement().satisfies(document -> {
            assertThat(document.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.PRELIMINARY);
            assertThat(document.getSubject().getReference()).endsWith("Patient/" + TestFhirServer.PATIENT_ID);
        });
    }

    @Test
    void aLaunchFromAnEhrOffTheAllowListIsRefusedWithAnAlertAndNoRedirect() {
        Page page = app.page();
        com.microsoft.playwright.Response response = page.navigate(base() + "/smart/launch?iss="
                + java.net.URLEncoder.encode("http://127.0.0.1:9/fhir", StandardCharsets.UTF_8) + "&launch=x");
        assertThat(response.status()).isEqualTo(400);
        assertThat(page.url()).startsWith(base() + "/smart/launch");
        assertThat(app.alertText()).isNotBlank();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("chartscribe-e2e-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
