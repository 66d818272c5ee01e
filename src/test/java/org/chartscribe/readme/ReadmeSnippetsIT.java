package org.chartscribe.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.chartscribe.api.AppTestBase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bash, Python and Node.js block of README.md is run against this test's server, so a broken
 * example fails CI. The reader's own values come from the environment the snippets read:
 * {@code CHARTSCRIBE_URL} and {@code CHARTSCRIBE_KEY}; the lines where the README has the reader
 * export them are left out, as the test exports its own. {@code visit.txt} (the transcript the
 * Python and Node examples read) is the README's own example transcript. Blocks marked
 * {@code <!-- snippet: skip REASON -->} are reported as skipped with that reason.
 */
class ReadmeSnippetsIT extends AppTestBase {

    private static final Path README = Path.of("README.md");
    static final String VISIT = "Patient is a 42-year-old male presenting with persistent lower back pain for 3 weeks after "
            + "lifting a couch. Pain is 6/10, worse with bending, no radiation, no numbness or weakness. Exam: lumbar "
            + "paraspinal tenderness, flexion limited by pain, straight leg raise negative bilaterally. Assessment: "
            + "mechanical lower back pain, likely muscular. Plan: ibuprofen 400 mg three times daily with food, "
            + "physical therapy referral, follow-up in 4 weeks.";

    @TempDir
    static Path work;

    @Test
    void theReadmeHasRunnableSnippetsInEachLanguageAndEverySkipSaysWhy() throws IOException {
        List<ReadmeSnippets.Snippet> snippets = ReadmeSnippets.read(README).snippets();
        assertThat(snippets.stream().filter(ReadmeSnippets.Snippet::runs).map(ReadmeSnippets.Snippet::language))
                .contains(ReadmeSnippets.Language.values());
        assertThat(snippets).filteredOn(s -> !s.runs()).allSatisfy(s -> assertThat(s.skipReason()).hasSizeGreaterThan(10));
    }

    @TestFactory
    Stream<DynamicTest> everyReadmeSnippetRuns() throws IOException {
        Files.writeString(work.resolve("visit.txt"), VISIT);
        // the audio examples upload visit.m4a: a synthesised dictation (scripts/make-audio-fixtures.sh)
        Files.copy(Path.of("src/test/resources/audio/format.m4a"), work.resolve("visit.m4a"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return ReadmeSnippets.read(README).snippets().stream()
                .map(snippet -> DynamicTest.dynamicTest(snippet.toString(), () -> run(snippet)));
    }

    private void run(ReadmeSnippets.Snippet snippet) throws IOException, InterruptedException {
        Assumptions.assumeTrue(snippet.runs(), () -> "skipped in the README source: " + snippet.skipReason());
        String code = withoutReaderExports(snippet.code());
        List<String> command = switch (snippet.language()) {
            case BASH -> List.of(executable("bash"), "-euo", "pipefail", write("snippet.sh", code).toString());
            case PYTHON -> List.of(executable("python3"), write("snippet.py", code).toString());
            case JS -> List.of(executable("node"), write("snippet.mjs", code).toString());
        };
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("CHARTSCRIBE_URL", "http://localhost:" + port);
        env.put("CHARTSCRIBE_KEY", KEY_A);
        Process process = builder.start();
        boolean done = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            process.destroyForcibly();
        }
        assertThat(done).as("%s finished within 120 s", snippet).isTrue();
        assertThat(process.exitValue()).as("%s exit status; output:%n%s", snippet, output).isZero();
        assertThat(output).as("%s printed something", snippet).isNotBlank();
    }

    /** The README's {@code export CHARTSCRIBE_KEY=cs_...} is where the reader pastes their key. */
    static String withoutReaderExports(String code) {
        return code.lines().filter(l -> !l.matches("\\s*export CHARTSCRIBE_(URL|KEY)=.*"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    private static Path write(String name, String code) throws IOException {
        return Files.writeString(work.resolve(name), code);
    }

    /** Missing tools skip the snippet with their name, except on CI, where they must be installed. */
    private static String executable(String name) {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, name)));
        if (!found && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort(name + " is not installed; README snippets in its language skipped");
        }
        return name;
    }
}
