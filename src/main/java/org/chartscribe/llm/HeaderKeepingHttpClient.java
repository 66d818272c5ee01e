package org.chartscribe.llm;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The HTTP client under the OpenAI-compatible model: the JDK client, like langchain4j's default, but a
 * non-2xx answer keeps its status and {@code Retry-After} (and drops its body, which may echo the prompt).
 * Server-sent events (streaming) go to the delegate unchanged.
 */
final class HeaderKeepingHttpClient implements HttpClient {

    private final java.net.http.HttpClient jdk;
    private final Duration timeout;
    private final HttpClient streaming;

    HeaderKeepingHttpClient(Duration timeout, HttpClient streaming) {
        this.jdk = java.net.http.HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.streaming = streaming;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(timeout);
        request.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        String body = request.body();
        b.method(request.method().name(), body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response;
        try {
            response = jdk.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the model provider", e);
        }
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw new ProviderHttpException(response.statusCode(),
                    ProviderFailures.parse(response.headers().firstValue("Retry-After").orElse(null)).orElse(null));
        }
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(response.headers().map())
                .body(response.body()).build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        streaming.execute(request, parser, listener);
    }

    /** What the OpenAI-compatible builder takes. */
    static HttpClientBuilder builder(Duration timeout, HttpClientBuilder streaming) {
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
                return new HeaderKeepingHttpClient(read == null ? timeout : read,
                        streaming.connectTimeout(connect).readTimeout(read).build());
            }
        };
    }
}
