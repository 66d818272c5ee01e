package org.chartscribe.api;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.chartscribe.note.llm.ModelAnswers;

/**
 * A model provider that streams a valid answer slowly (the chat-completions chunk format, one chunk every
 * 100 ms) and records when its client hangs up: its next write fails. WireMock does not report a client
 * hanging up, so cancellation tests use this JDK server instead.
 */
final class SlowProvider implements AutoCloseable {
    final CompletableFuture<Long> sawClose = new CompletableFuture<>();
    final AtomicInteger chunksWritten = new AtomicInteger();
    /** The last request's headers, to check the credential it carried. */
    final AtomicReference<com.sun.net.httpserver.Headers> lastHeaders = new AtomicReference<>();
    final List<String> chunks = LlmReplays.streamedChunks(ModelAnswers.lowBackPain(), 12, "stop");
    private final HttpServer server;

    /** Serves the stream at {@code path} (the OpenAI-compatible or the Azure deployment path). */
    SlowProvider(String path) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(path, exchange -> {
            exchange.getRequestBody().readAllBytes();
            lastHeaders.set(exchange.getRequestHeaders());
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (String chunk : chunks) {
                    out.write(chunk.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    chunksWritten.incrementAndGet();
                    Thread.sleep(100);
                }
            } catch (IOException hungUp) {
                sawClose.complete(System.nanoTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
