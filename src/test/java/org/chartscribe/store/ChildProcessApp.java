package org.chartscribe.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chartscribe.ChartScribeApplication;

/**
 * The real application in a child JVM (the test's own class path, so it also runs from the IDE),
 * so a test can kill it the way a crash does: {@link #kill()} is SIGKILL on Linux, no shutdown hooks.
 */
public final class ChildProcessApp implements AutoCloseable {

    public static final String KEY = "cs_test_crash_tenant_7c1e9a3f5b2d4e6a8c0f1b3d5e7a9c2b";

    private final Process process;
    public final int port;

    private ChildProcessApp(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Generous start-up wait: on a loaded CI machine the full application (HAPI included) can take 40 s.
     */
    static ChildProcessApp start(Path dataDir, Path log, String... extraArguments) throws IOException, InterruptedException {
        return start(dataDir, log, List.of(extraArguments), Duration.ofSeconds(90));
    }

    /**
     * With more {@code --name=value} arguments. Spring joins a repeated option with commas, so another
     * {@code --chartscribe.bootstrap-api-keys=tenant:key} adds keys to {@link #KEY}.
     */
    public static ChildProcessApp start(Path dataDir, Path log, List<String> arguments, Duration startTimeout)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                ChartScribeApplication.class.getName(),
                "--server.port=" + port,
                "--chartscribe.data-dir=" + dataDir,
                "--chartscribe.bootstrap-api-keys=crash-tenant:" + KEY));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ChildProcessApp app = new ChildProcessApp(process, port);
        app.awaitHealthy(startTimeout);
        return app;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** SIGKILL: the JVM gets no chance to flush or close anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: a clean stop, shutdown hooks and all; waits for the process to exit. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("child did not stop within 30 s of SIGTERM");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("child exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> health = client.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        kill();
        throw new IllegalStateException("child not healthy within " + timeout);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
