package org.chartscribe.smart.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.chartscribe.api.LlmReplays;

/**
 * An OpenAI-compatible model provider that streams its answer (the documented chunk format) up to a
 * gate, then keeps the stream alive with whitespace chunks, as a model still writing, until the test
 * opens the gate; then the rest. It records when its reader hangs up (a write fails), which WireMock
 * does not report. The gate sits between two JSON tokens, so the whitespace keeps the answer valid.
 */
final class ScriptedModelProvider implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private volatile Script script;

    /** One answer's script: the content, where it pauses, and what the provider saw. */
    static final class Script {
        final String content;
        final int gateAt;
        final CountDownLatch gate = new CountDownLatch(1);
        final CompletableFuture<Long> sawHangUp = new CompletableFuture<>();

        Script(String content, int gateAt) {
            this.content = content;
            this.gateAt = gateAt;
        }

        void open() {
            gate.countDown();
        }
    }

    ScriptedModelProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            Script s = script;
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                List<String> head = LlmReplays.streamedChunks(s.content.substring(0, s.gateAt), 40, "stop");
                List<String> tail = LlmReplays.streamedChunks(s.content.substring(s.gateAt), 40, "stop");
                for (String chunk : head.subList(0, head.size() - 2)) { // without the finish and [DONE]
                    write(out, chunk);
                }
                while (!s.gate.await(50, TimeUnit.MILLISECONDS)) {
                    write(out, LlmReplays.contentChunk(" "));
                }
                for (String chunk : tail.subList(1, tail.size())) { // without a second role chunk
                    write(out, chunk);
                }
            } catch (IOException hungUp) {
                s.sawHangUp.complete(System.nanoTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(threads); // a paused answer must not hold up the next request
        server.start();
    }

    private static void write(OutputStream out, String chunk) throws IOException {
        out.write(chunk.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The next answer: {@code content}, pausing just before {@code pauseBefore} (a JSON token). */
    Script answer(String content, String pauseBefore) {
        int at = content.indexOf(pauseBefore);
        if (at < 0) {
            throw new IllegalArgumentException("the answer has no " + pauseBefore);
        }
        script = new Script(content, at);
        return script;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
