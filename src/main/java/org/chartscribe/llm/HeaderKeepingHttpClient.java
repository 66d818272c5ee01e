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

/**
 * The HTTP client under the OpenAI-compatible model: the JDK client, like langchain4j's default, but a
 * non-2xx answer keeps its status and {@code Retry-After} (and drops its body, which may echo the prompt),
 * for plain and for streamed (server-sent events) calls alike, so a streamed 429 is retried after the
 * provider's {@code Retry-After} too. A successful stream is read by langchain4j's own event parser.
 */
final class HeaderKeepingHttpClient implements HttpClient {

    private final java.net.http.HttpClient jdk;
    private final Duration timeout;

    HeaderKeepingHttpClient(Duration connectTimeout, Duration timeout) {
        this.jdk = java.net.http.HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.timeout = timeout;
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
        jdk.sendAsync(jdkRequest(request), HttpResponse.BodyHandlers.ofInputStream())
                .thenAccept(response -> {
                    try (InputStream body = response.body()) {
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

    /** What the OpenAI-compatible builder takes. */
    static HttpClientBuilder builder(Duration timeout) {
        return new HttpClientBuilder() {
            private Duration connect = timeout;
            private Duration read = timeout;

            @Override
            public Duration connectTimeout() {
                return connect;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration d) {
                connect = d;
                return this;
            }

            @Override
            public Duration readTimeout() {
                return read;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration d) {
                read = d;
                return this;
            }

            @Override
            public HttpClient build() {
                return new HeaderKeepingHttpClient(connect == null ? timeout : connect, read == null ? timeout : read);
            }
        };
    }
}
