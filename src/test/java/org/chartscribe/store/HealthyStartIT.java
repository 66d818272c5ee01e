package org.chartscribe.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator learns to ignore stack traces if a healthy start prints them: the real application in a
 * child JVM, on a fresh data directory, started and asked for its FHIR metadata and the specialties
 * and given a note to write, must log no WARN, no ERROR and no stack trace.
 */
class HealthyStartIT {

    private static final Pattern WARN_OR_ERROR = Pattern.compile("\\b(?:WARN|ERROR)\\b");
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w.$]+\\(");

    @TempDir
    Path dataDir;

    @Test
    void aHealthyStartLogsNoWarningErrorOrStackTrace() throws Exception {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-app.log");
        try (ChildProcessApp app = ChildProcessApp.start(dataDir.resolve("data"), log)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> metadata = http.send(HttpRequest.newBuilder(app.uri("/fhir/metadata")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metadata.statusCode()).isEqualTo(200);
            HttpResponse<String> specialties = http.send(HttpRequest.newBuilder(app.uri("/v1/specialties"))
                    .header("Authorization", "Bearer " + ChildProcessApp.KEY).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(specialties.statusCode()).isEqualTo(200);
            HttpResponse<String> note = http.send(HttpRequest.newBuilder(app.uri("/v1/note"))
                    .header("Authorization", "Bearer " + ChildProcessApp.KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"transcript\": \"Doctor: What brings you in? "
                            + "Patient: My right knee has hurt for two weeks. Doctor: Take ibuprofen and ice it.\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(note.statusCode()).isEqualTo(200);
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).as("the application started and logged").anyMatch(l -> l.contains("Started ChartScribeApplication"));
        assertThat(lines).as("WARN or ERROR lines of a healthy start")
                .noneMatch(l -> WARN_OR_ERROR.matcher(l).find());
        assertThat(lines).as("stack frames of a healthy start").noneMatch(l -> STACK_FRAME.matcher(l).find());
        Files.deleteIfExists(log);
    }
}
