package org.chartscribe.smart.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chartscribe.ehr.WriteBack;
import org.chartscribe.fhir.Icd10Suggestion;
import org.chartscribe.note.SoapPart;
import org.chartscribe.smart.SmartSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clinician app in headless Debian chromium, driven by roles and accessible names only, against the
 * running server with test doubles of the SMART session store and the chart writer.
 */
class ClinicianAppBrowserIT extends SmartAppTestBase {
    private static final String EDITED_PLAN = "Start fluticasone-salmeterol 250/50 one inhalation twice daily.\n"
            + "Albuterol as needed for rescue. Recheck in 4 weeks. (edited by the clinician)";
    private static DebianChromium.Running chromium;

    private BrowserContext context;
    private Page page;
    private ClinicianAppPage app;
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBrowser() {
        chromium = DebianChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void newPage() {
        context = chromium.newContext();
        page = context.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text());
            }
        });
        app = new ClinicianAppPage(page);
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
    }

    /** What the SMART callback does in the real flow: the browser holds the session cookie. */
    private SmartSession signIn() {
        SmartSession session = launch(TENANT);
        context.addCookies(List.of(new Cookie(FakeSmartSessions.COOKIE, session.sessionId())
                .setUrl(baseUrl() + "/").setHttpOnly(true)));
        return session;
    }

    @Test
    void generateEditUncheckApproveAndSeeWhatWasWritten() throws Exception {
        signIn();
        Response response = app.open(baseUrl());
        String csp = response.headerValue("content-security-policy");
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'self' https://ehr.example.org");
        assertThat(response.headerValue("referrer-policy")).isEqualTo("no-referrer");
        assertThat(response.headerValue("x-content-type-options")).isEqualTo("nosniff");

        String banner = app.bannerText();
        assertThat(banner).contains(FakeEhrFhir.PATIENT_NAME, "1984", "Office visit");
        assertThat(app.template().locator("option").allInnerTexts()).doesNotContain("BIRP");

        app.generate(TestTranscripts.asthmaFollowUp(), "Physician", "Standard");
        assertThat(app.hasAlert()).as("alert: %s", app.hasAlert() ? app.alertText() : "").isFalse();
        for (String section : List.of("Subjective", "Objective", "Assessment", "Plan")) {
            assertThat(app.section(section)).as(section).isNotBlank();
        }
        List<String> codes = app.codes();
        assertThat(codes).isNotEmpty();
        for (String code : codes) {
            assertThat(app.code(code)).isChecked();
        }
        assertThat(app.codeNames().get(0)).matches("\\S+ \\S.*"); // the code, then its description

        String dropped = codes.get(0);
        app.editPlan(EDITED_PLAN);
        app.uncheck(dropped);
        screenshot();

        app.approve();
        List<String> items = app.writtenItems();
        assertThat(items).isNotEmpty();
        assertThat(items.get(0)).contains("DocumentReference", "Created", "id ");
        assertThat(app.writtenLinks()).isNotEmpty();
        assertThat(app.writtenLinks().get(0).getAttribute("target")).isEqualTo("_blank");
        assertThat(app.writtenLinks().get(0).getAttribute("rel")).contains("noopener");
        assertThat(app.statusText()).startsWith("Written to the chart");
        assertThat(app.hasAlert()).isFalse();

        WriteBack written = writer.last().request();
        assertThat(written.approvedNote().draft().render(SoapPart.PLAN)).contains("(edited by the clinician)");
        assertThat(written.keptCodes().diagnoses()).extracting(Icd10Suggestion::code).doesNotContain(dropped);
        assertThat(written.keptCodes().procedures().stream().map(p -> p.code()).toList()).doesNotContain(dropped);

        // Nothing in browser storage, nothing in the URL, nothing blocked by the CSP.
        assertThat(app.storedItems()).isZero();
        assertThat(page.url()).isEqualTo(baseUrl() + ClinicianAppPage.PATH);
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aSessionThatEndedSaysSoInAnAlert() {
        SmartSession session = signIn();
        app.open(baseUrl());
        sessions.end(session);
        app.generate(TestTranscripts.asthmaFollowUp());
        assertThat(app.alertText()).contains("Session expired", "open ChartScribe from the EHR again");
    }

    @Test
    void aGenerationThatFailsIsAnAlertAndTheTranscriptStays() {
        signIn();
        app.open(baseUrl());
        app.generate("Patient: cough for two days.");
        assertThat(app.alertText()).startsWith("Generation failed").contains("transcript", "at least 50 characters");
        assertThat(app.transcript()).hasValue("Patient: cough for two days.");
        assertThat(app.transcript()).isFocused();
        assertThat(app.generateButton()).isEnabled();
    }

    @Test
    void withoutASessionTheAppSaysHowToGetBack() {
        app.open(baseUrl());
        assertThat(app.alertText()).contains("open ChartScribe from the EHR again");
        assertThat(app.generateButton()).isDisabled();
    }

    @Test
    void anEhrThatRefusesIsAnAlertAndApprovingAgainRetries() {
        signIn();
        app.open(baseUrl());
        app.generate(TestTranscripts.asthmaFollowUp());
        writer.refuse("The EHR refused the request (HTTP 403).");
        app.approve();
        assertThat(app.alertText()).contains("refused", "Approve and write back");
        assertThat(app.writtenItems()).allSatisfy(item -> assertThat(item).contains("Failed", "HTTP 403"));
        assertThat(app.approveButton()).isEnabled();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "smart-app-refused.png")).setFullPage(true));

        writer.refuse(null);
        app.approve();
        assertThat(app.hasAlert()).isFalse();
        assertThat(app.writtenItems().get(0)).contains("DocumentReference", "Created");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "smart-app-written.png")).setFullPage(true));
    }

    @Test
    void theBannerSaysWhenTheEhrDetailsCouldNotBeLoaded() {
        signIn();
        EHR.setDown(true);
        app.open(baseUrl());
        assertThat(app.bannerText()).contains("could not be loaded", "Patient " + FakeEhrFhir.PATIENT_ID);
        assertThat(app.generateButton()).isEnabled();
    }

    @Test
    void templatesFollowTheSpecialty() {
        signIn();
        app.open(baseUrl());
        app.specialty().selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Psychiatrist"));
        assertThat(app.template().locator("option").allInnerTexts()).contains("BIRP", "DAP");
        app.specialty().selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Physician"));
        assertThat(app.template().locator("option").allInnerTexts()).doesNotContain("BIRP", "DAP");
    }

    @Test
    void theWholeFlowWorksByKeyboardAlone() {
        signIn();
        app.open(baseUrl());
        page.keyboard().press("Tab"); // the skip link comes first
        page.keyboard().press("Tab");
        assertThat(app.transcript()).isFocused();
        page.keyboard().insertText(TestTranscripts.asthmaFollowUp());
        page.keyboard().press("Tab");
        assertThat(app.specialty()).isFocused();
        page.keyboard().press("Tab");
        assertThat(app.template()).isFocused();
        page.keyboard().press("Tab");
        assertThat(app.generateButton()).isFocused();
        page.keyboard().press("Enter");
        app.waitUntilIdle();
        assertThat(app.textbox("Subjective")).not().isEmpty();

        // Focus moved to the note: the next stops are the four sections in order.
        for (String section : List.of("Subjective", "Objective", "Assessment", "Plan")) {
            page.keyboard().press("Tab");
            assertThat(app.textbox(section)).isFocused();
        }
        page.keyboard().press("ControlOrMeta+a");
        page.keyboard().insertText("Follow up in 4 weeks. Typed by keyboard.");
        List<String> codes = app.codes();
        page.keyboard().press("Tab");
        assertThat(app.code(codes.get(0))).isFocused();
        page.keyboard().press("Space");
        assertThat(app.code(codes.get(0))).not().isChecked();
        for (int i = 1; i < codes.size(); i++) {
            page.keyboard().press("Tab");
        }
        page.keyboard().press("Tab");
        assertThat(app.approveButton()).isFocused();
        page.keyboard().press("Enter");
        app.waitUntilIdle();
        assertThat(app.writtenItems()).isNotEmpty();
        assertThat(writer.last().request().approvedNote().draft().render(SoapPart.PLAN)).contains("Typed by keyboard.");
    }

    @Test
    void fitsANarrowEhrSidebar() {
        signIn();
        page.setViewportSize(340, 800);
        app.open(baseUrl());
        app.generate(TestTranscripts.asthmaFollowUp());
        assertThat(app.codes()).isNotEmpty();
        Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "smart-app-narrow.png")).setFullPage(true));
    }

    /** The README's picture: the fictitious patient's generated note, edited, one code unchecked. */
    private void screenshot() throws Exception {
        Path target = Path.of("docs", "images", "smart-app.png");
        if (Files.isDirectory(Path.of("docs"))) {
            Files.createDirectories(target.getParent());
            page.screenshot(new Page.ScreenshotOptions().setPath(target).setFullPage(true));
        }
    }
}
