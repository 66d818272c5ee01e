package org.chartscribe.llm;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP client under the OpenAI-compatible model: the JDK client, like langchain4j's default, but a
 * non-2xx answer keeps its status and {@code Retry-After} (and drops its body, which may echo the prompt),
 * for plain and for streamed (server-sent events) calls alike, so a streamed 429 is retried after the
 * provider's {@code Retry-After} too. A successful stream is read by langchain4j's own event parser.
 * {@link #abort()} closes every exchange of this instance (a streamed call has its own instance over the
 * shared JDK client), before or after its answer began.
 */
final class HeaderKeepingHttpClient implements HttpClient {

    private final java.net.http.HttpClient jdk;
    private final Duration timeout;

    private final AtomicBoolean aborted = new AtomicBoolean();
    private final Set<CompletableFuture<?>> waiting = ConcurrentHashMap.newKeySet();
    private final Set<InputStream> reading = ConcurrentHashMap.newKeySet();

    HeaderKeepingHttpClient(java.net.http.HttpClient jdk, Duration timeout) {
        this.jdk = jdk;
        this.timeout = timeout;
    }

    static java.net.http.HttpClient jdkClient(Duration connectTimeout) {
        return java.net.http.HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    /**
     * Ends this client's streamed exchanges: one still waiting for its answer is cancelled, one being read
     * has its body closed (the JDK client then closes the connection); later ones end at once.
     */
    void abort() {
        aborted.set(true);
        waiting.forEach(f -> f.cancel(true));
        reading.forEach(HeaderKeepingHttpClient::closeQuietly);
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }

    private java.net.http.HttpRequest jdkRequest(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(timeout);
        request.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        String body = request.body();
        b.method(request.method().name(), body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        return b.build();
    }

    private static ProviderHttpException failure(HttpResponse<?> response) {
        return new ProviderHttpException(response.statusCode(),
                ProviderFailures.parse(response.headers().firstValue("Retry-After").orElse(null)).orElse(null));
    }

    private static boolean successful(HttpResponse<?> response) {
        return response.statusCode() >= 200 && response.statusCode() < 300;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = jdk.send(jdkRequest(request), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the model provider", e);
        }
        if (!successful(response)) {
            throw failure(response);
        }
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(response.headers().map())
                .body(response.body()).build();
    }

    /**
     * Streamed, as langchain4j's JDK client does it (asynchronously; the parser's handle cancels by
     * closing the body), except that a refusal keeps its status and {@code Retry-After}.
     */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        if (aborted.get()) {
            quietly(() -> listener.onError(new CancellationException("the streamed call was abandoned")));
            return;
        }
        CompletableFuture<HttpResponse<InputStream>> sent = jdk.sendAsync(jdkRequest(request), HttpResponse.BodyHandlers.ofInputStream());
        waiting.add(sent);
        if (aborted.get()) {
            sent.cancel(true);
        }
        sent.whenComplete((response, thrown) -> waiting.remove(sent))
                .thenAccept(response -> {
                    InputStream stream = response.body();
                    reading.add(stream);
                    if (aborted.get()) {
                        closeQuietly(stream);
                    }
                    try (InputStream body = stream) {
                        if (!successful(response)) {
                            quietly(() -> listener.onError(failure(response)));
                            return;
                        }
                        SuccessfulHttpResponse opened = SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                                .headers(response.headers().map()).build();
                        quietly(() -> listener.onOpen(opened));
                        parser.parse(body, listener);
                        quietly(listener::onClose);
                    } catch (IOException e) {
                        quietly(() -> listener.onError(e));
                    } finally {
                        reading.remove(stream);
                    }
                })
                .exceptionally(thrown -> {
                    Throwable cause = thrown.getCause() == null ? thrown : thrown.getCause();
                    quietly(() -> listener.onError(cause instanceof HttpTimeoutException ? new TimeoutException(cause) : cause));
                    return null;
                });
    }

    /** A listener that throws must not stop the others from hearing how the call ended. */
    private static void quietly(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException ignored) {
            // the listener's own failure; the call's outcome was delivered as far as it could be
        }
    }

    /** What the OpenAI-compatible builder takes: this very client (its timeouts are the shared JDK client's). */
    HttpClientBuilder asBuilder() {
        HeaderKeepingHttpClient self = this;
        return new HttpClientBuilder() {
            @Override
            public Duration connectTimeout() {
                return timeout;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration d) {
                return this;
            }

            @Override
            public Duration readTimeout() {
                return timeout;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration d) {
                return this;
            }

            @Override
            public HttpClient build() {
                return self;
            }
        };
    }
}
