package org.chartscribe.smart.app;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Playwright driving Debian's chromium ({@code apt-get install chromium}; {@code .ci/run} installs it).
 * Playwright's own browser download is never used. Without the browser the test is skipped, except on
 * CI ({@code CI=true}), where a missing browser is a failure.
 */
public final class DebianChromium {
    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");

    private DebianChromium() {}

    /** Skips the calling test (or fails it on CI) when the browser is not installed. */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(EXECUTABLE);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(EXECUTABLE + " is missing: on CI the browser tests must run (.ci/run installs chromium)");
        }
        Assumptions.assumeTrue(installed, EXECUTABLE + " is not installed (apt-get install chromium); browser test skipped");
    }

    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
    }

    /**
     * Starts Playwright and the browser for one test class ({@code @BeforeAll}); skips (or fails on CI)
     * without the browser. Close it in {@code @AfterAll}.
     */
    public static Running start() {
        assumeInstalled();
        Playwright playwright = playwright();
        return new Running(playwright, launch(playwright));
    }

    /** A started browser and its Playwright, closed together. */
    public record Running(Playwright playwright, Browser browser) implements AutoCloseable {
        /** A fresh browser profile (cookies, storage) with a desktop-sized window. */
        public com.microsoft.playwright.BrowserContext newContext() {
            return browser.newContext(new Browser.NewContextOptions().setViewportSize(1000, 900).setLocale("en-US"));
        }

        @Override
        public void close() {
            browser.close();
            playwright.close();
        }
    }
}
