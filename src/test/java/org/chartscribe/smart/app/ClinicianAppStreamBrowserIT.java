package org.chartscribe.smart.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.chartscribe.note.NoteLookup;
import org.chartscribe.note.NoteStore;
import org.chartscribe.note.NoteSummary;
import org.chartscribe.note.StoredNote;
import org.chartscribe.note.llm.ModelAnswers;
import org.chartscribe.store.JdbcNoteStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The clinician app in Debian chromium watching a note stream in from the LLM engine: a model provider
 * that pauses its answer after two divisions lets the test look at the page mid-stream (two sections
 * written, two empty, the note not yet editable), then see it finish; a failure after the stream started
 * is an alert; leaving the page stops the server's work and its model call.
 */
class ClinicianAppStreamBrowserIT extends SmartAppTestBase {
    static final ScriptedModelProvider MODEL = new ScriptedModelProvider();
    static final AtomicBoolean STORE_DOWN = new AtomicBoolean();
    private static DebianChromium.Running chromium;

    @Autowired
    MeterRegistry meters;

    private BrowserContext context;
    private Page page;
    private ClinicianAppPage app;

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("chartscribe.llm.provider", () -> "openai-compatible");
        registry.add("chartscribe.llm.endpoint", MODEL::baseUrl);
        registry.add("chartscribe.llm.model", () -> "scripted-model");
        registry.add("chartscribe.llm.timeout", () -> "60s");
        registry.add("chartscribe.llm.max-retries", () -> "0");
        registry.add("chartscribe.stream.heartbeat", () -> "100ms");
    }

    /** The real store, which fails its writes while {@link #STORE_DOWN} is set (a database outage). */
    @TestConfiguration(proxyBeanMethods = false)
    static class Outage {
        @Bean
        @Primary
        NoteStore failingWhenDown(JdbcNoteStore store) {
            return new NoteStore() {
                @Override
                public void save(StoredNote note) {
                    if (STORE_DOWN.get()) {
                        throw new DataAccessResourceFailureException("the database is unavailable");
                    }
                    store.save(note);
                }

                @Override
                public NoteLookup find(String tenantId, String noteId, Instant now) {
                    return store.find(tenantId, noteId, now);
                }

                @Override
                public boolean delete(String tenantId, String noteId) {
                    return store.delete(tenantId, noteId);
                }

                @Override
                public List<NoteSummary> list(String tenantId, Instant now, String beforeNoteId, int limit) {
                    return store.list(tenantId, now, beforeNoteId, limit);
                }

                @Override
                public int purgeExpired(Instant now) {
                    return store.purgeExpired(now);
                }
            };
        }
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
        MODEL.close();
    }

    @BeforeEach
    void signIn() {
        STORE_DOWN.set(false);
        context = chromium.newContext();
        page = context.newPage();
        app = new ClinicianAppPage(page);
        context.addCookies(List.of(new Cookie(FakeSmartSessions.COOKIE, launch(TENANT).sessionId())
                .setUrl(baseUrl() + "/").setHttpOnly(true)));
        app.open(baseUrl());
        app.transcript().fill(ModelAnswers.lowBackPainTranscript());
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
    }

    /** Until the model's first two divisions are on the page. */
    private void waitForTwoSections() {
        page.waitForCondition(() -> !app.section("Objective").isEmpty(),
                new Page.WaitForConditionOptions().setTimeout(30_000));
    }

    @Test
    void sectionsAppearAsTheModelWritesThemAndTheFinishedNoteCanBeApproved() {
        ScriptedModelProvider.Script answer = MODEL.answer(ModelAnswers.lowBackPain(), "\"assessment\"");
        app.generateButton().click();
        waitForTwoSections();

        // Mid-stream: two divisions written, two to come; nothing to edit or approve yet.
        String subjectiveWhileStreaming = app.section("Subjective");
        assertThat(subjectiveWhileStreaming).contains("Low back pain for about three weeks.");
        assertThat(app.section("Assessment")).isEmpty();
        assertThat(app.section("Plan")).isEmpty();
        assertThat(app.textbox("Subjective")).not().isEditable();
        assertThat(app.approveButton()).isDisabled();
        assertThat(app.generateButton()).isDisabled();
        assertThat(app.progress()).hasAttribute("aria-valuetext", "2 of 4 sections written");
        assertThat(app.statusText()).isEqualTo("Writing the note: Objective written (2 of 4).");

        answer.open();
        app.waitUntilIdle();
        assertThat(app.hasAlert()).as("alert: %s", app.hasAlert() ? app.alertText() : "").isFalse();
        assertThat(app.section("Subjective")).isEqualTo(subjectiveWhileStreaming);
        assertThat(app.section("Assessment")).contains("Mechanical low back pain");
        assertThat(app.section("Plan")).contains("Physical therapy");
        assertThat(app.progress()).isHidden();
        assertThat(app.statusText()).startsWith("The draft note is ready");
        assertThat(app.textbox("Plan")).isEditable();

        app.editPlan("Physical therapy. (edited by the clinician)");
        app.approve();
        assertThat(app.writtenItems().get(0)).contains("DocumentReference", "Created");
        assertThat(writer.last().request().approvedNote().draft().render(org.chartscribe.note.SoapPart.PLAN))
                .contains("(edited by the clinician)");
    }

    @Test
    void aFailureAfterTheStreamStartedIsAnAlertAndTheTranscriptStays() {
        MODEL.answer(ModelAnswers.lowBackPain(), "\"assessment\"").open();
        STORE_DOWN.set(true);
        app.generateButton().click();
        app.waitUntilIdle();

        assertThat(app.alertText()).startsWith("Generation failed: An unexpected error occurred.")
                .contains("Nothing was saved: generate the note again.");
        assertThat(app.textbox("Subjective")).isHidden(); // no half-written note to approve
        assertThat(app.transcript()).hasValue(ModelAnswers.lowBackPainTranscript());
        assertThat(app.transcript()).isFocused();

        STORE_DOWN.set(false);
        MODEL.answer(ModelAnswers.lowBackPain(), "\"assessment\"").open();
        app.generateButton().click();
        app.waitUntilIdle();
        assertThat(app.hasAlert()).isFalse();
        assertThat(app.section("Plan")).contains("Physical therapy");
    }

    @Test
    void leavingThePageMidStreamStopsTheServersWorkAndTheModelCall() throws Exception {
        double cancelledBefore = meters.counter("chartscribe.notes.stream.cancelled").count();
        double storedBefore = meters.counter("chartscribe.notes.generated", "engine", "llm", "replayed", "false").count();
        ScriptedModelProvider.Script answer = MODEL.answer(ModelAnswers.lowBackPain(), "\"assessment\"");
        app.generateButton().click();
        waitForTwoSections();

        page.navigate("about:blank");
        long leftAt = System.nanoTime();
        long hungUpAt = answer.sawHangUp.get(10, TimeUnit.SECONDS);
        assertThat((hungUpAt - leftAt) / 1_000_000).as("ms from leaving the page to the model call closing")
                .isLessThan(5_000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (meters.counter("chartscribe.notes.stream.cancelled").count() == cancelledBefore
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(meters.counter("chartscribe.notes.stream.cancelled").count()).isEqualTo(cancelledBefore + 1);
        assertThat(meters.counter("chartscribe.notes.generated", "engine", "llm", "replayed", "false").count())
                .isEqualTo(storedBefore);
    }
}
