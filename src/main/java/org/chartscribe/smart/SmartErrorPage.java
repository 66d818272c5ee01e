package org.chartscribe.smart;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a browser sees when a launch or callback fails: a self-contained HTML document with the
 * message in a {@code role=alert} element, no scripts, nothing fetched from elsewhere, not cached.
 * Messages are ChartScribe's own words (see {@link SmartFlowException}), escaped all the same.
 */
public final class SmartErrorPage {
    private SmartErrorPage() {}

    public static ResponseEntity<String> response(int status, String message, String frameAncestors) {
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>ChartScribe could not start</title>
                <style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:40rem;line-height:1.5}
                [role=alert]{border-left:4px solid #b00020;padding:.75rem 1rem;background:#fdecee}</style>
                </head>
                <body>
                <main>
                <h1>ChartScribe could not start</h1>
                <p role="alert">%s</p>
                <p>Close this window and open ChartScribe from the EHR again. If it keeps happening, tell your administrator.</p>
                </main>
                </body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(message));
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors "
                        + SmartProperties.frameAncestorSources(frameAncestors))
                .body(html);
    }
}
