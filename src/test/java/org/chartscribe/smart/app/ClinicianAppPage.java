package org.chartscribe.smart.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The clinician app as a user sees it: every interaction goes through roles and accessible names (the
 * contract of issue 8), never through ids or CSS. Reusable by the end-to-end test with the real EHR:
 * open the page (after the SMART launch, or with a session cookie), then
 * {@code generate(...)}, {@code editPlan(...)}, {@code uncheck(code)}, {@code approve()}, {@code writtenItems()}.
 */
public final class ClinicianAppPage {
    public static final String PATH = "/smart/app/";
    private static final double TIMEOUT_MS = 60_000;

    private final Page page;

    public ClinicianAppPage(Page page) {
        this.page = page;
    }

    public Page page() {
        return page;
    }

    /** Navigates to the app and waits until it has loaded its context (or shown why not). */
    public Response open(String baseUrl) {
        Response response = page.navigate(baseUrl + PATH);
        waitUntilStarted();
        return response;
    }

    /** After a SMART launch ended on the app: waits until the context is loaded or an alert says why not. */
    public void waitUntilStarted() {
        page.waitForCondition(() -> generateButton().isEnabled() || alert().isVisible(),
                new Page.WaitForConditionOptions().setTimeout(TIMEOUT_MS));
    }

    public Locator banner() {
        return page.getByRole(AriaRole.BANNER);
    }

    public String bannerText() {
        return banner().innerText();
    }

    public Locator transcript() {
        return textbox("Transcript");
    }

    public Locator specialty() {
        return page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Specialty").setExact(true));
    }

    public Locator template() {
        return page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Template").setExact(true));
    }

    public Locator generateButton() {
        return button("Generate note");
    }

    public Locator approveButton() {
        return button("Approve and write back");
    }

    /** One of "Subjective", "Objective", "Assessment", "Plan" (or "Transcript"). */
    public Locator textbox(String name) {
        return page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    public Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The checkbox whose accessible name starts with the code ("J45.40 Moderate persistent asthma, ..."). */
    public Locator code(String code) {
        return page.getByRole(AriaRole.CHECKBOX,
                new Page.GetByRoleOptions().setName(Pattern.compile("^" + escape(code) + "( |$)")));
    }

    /** Playwright hands the pattern to the browser's RegExp, which knows no quoting with Q and E. */
    private static String escape(String literal) {
        return literal.replaceAll("[.*+?^${}()|\\[\\]\\\\/-]", "\\\\$0");
    }

    /** Accessible names of every code checkbox, in page order. */
    public List<String> codeNames() {
        return page.getByRole(AriaRole.CHECKBOX).all().stream()
                .map(box -> box.evaluate("e => e.labels.length ? e.labels[0].textContent.trim() : ''").toString())
                .toList();
    }

    /** The code (first word) of every code checkbox, in page order. */
    public List<String> codes() {
        return codeNames().stream().map(name -> name.split(" ", 2)[0]).toList();
    }

    /** Pastes the transcript, picks specialty and template by their visible names, generates, waits for the note. */
    public void generate(String transcript, String specialtyName, String templateName) {
        transcript().fill(transcript);
        if (specialtyName != null) {
            specialty().selectOption(new SelectOption().setLabel(specialtyName));
        }
        if (templateName != null) {
            template().selectOption(new SelectOption().setLabel(templateName));
        }
        generateButton().click();
        waitUntilIdle();
    }

    public void generate(String transcript) {
        generate(transcript, null, null);
    }

    public String section(String name) {
        return textbox(name).inputValue();
    }

    public void editSection(String name, String text) {
        textbox(name).fill(text);
    }

    public void editPlan(String text) {
        editSection("Plan", text);
    }

    public void uncheck(String code) {
        code(code).uncheck();
    }

    /** Approves and waits until the result list or an alert is shown. */
    public void approve() {
        approveButton().click();
        waitUntilIdle();
    }

    public Locator writtenList() {
        return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Written to the chart").setExact(true));
    }

    /** The text of each item of "Written to the chart" (type, outcome, id and link, or the error). */
    public List<String> writtenItems() {
        return writtenList().getByRole(AriaRole.LISTITEM).allInnerTexts().stream().map(String::strip).toList();
    }

    /** Links of the written resources ("Open DocumentReference in the EHR", ...). */
    public List<Locator> writtenLinks() {
        return writtenList().getByRole(AriaRole.LINK).all();
    }

    /** The bar that shows how many of the four divisions are written while the note streams in. */
    public Locator progress() {
        return page.getByRole(AriaRole.PROGRESSBAR, new Page.GetByRoleOptions().setName("Note progress").setExact(true));
    }

    public Locator alert() {
        return page.getByRole(AriaRole.ALERT);
    }

    /** Waits for the alert and returns its text. */
    public String alertText() {
        assertThat(alert()).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(TIMEOUT_MS));
        return alert().innerText().strip();
    }

    public boolean hasAlert() {
        return alert().isVisible();
    }

    public String statusText() {
        return page.getByRole(AriaRole.STATUS).innerText().strip();
    }

    /** Until no request is in flight (the buttons are enabled again). */
    public void waitUntilIdle() {
        page.waitForCondition(() -> generateButton().isEnabled(), new Page.WaitForConditionOptions().setTimeout(TIMEOUT_MS));
    }

    /** Everything the page keeps in browser storage (must stay 0). */
    public int storedItems() {
        return ((Number) page.evaluate("() => window.localStorage.length + window.sessionStorage.length")).intValue();
    }
}
