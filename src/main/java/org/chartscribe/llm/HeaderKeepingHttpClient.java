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
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client under the OpenAI-compatible model: a non-2xx answer keeps its status and
 * {@code Retry-After} (and drops its body, which may echo the prompt), for plain and for streamed
 * (server-sent events) calls alike, so a streamed 429 is retried after the provider's {@code Retry-After}
 * too. A plain call goes over Apache HttpClient's blocking pool, which answers on the calling thread (the
 * JDK client hands each exchange between its own threads: about 1 ms more per note on loopback, measured
 * in docs/BENCHMARKS.md); a streamed call goes over the JDK client, whose asynchronous exchange can be
 * cancelled, and is read by langchain4j's own event parser. {@link #abort()} closes every streamed
 * exchange of this instance (a streamed call has its own instance over the shared clients), before or
 * after its answer began.
 */
final class HeaderKeepingHttpClient implements HttpClient {

    /** The connections both clients keep to the provider, shared by every instance of one configuration. */
    record Transport(CloseableHttpClient blocking, java.net.http.HttpClient streaming) {
        /** Connections kept per provider host: room for as many notes at once as the server lets in. */
        private static final int POOL = 256;

        static Transport open(Duration timeout) {
            Timeout limit = Timeout.of(timeout);
            CloseableHttpClient blocking = HttpClients.custom()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setMaxConnTotal(POOL)
                            .setMaxConnPerRoute(POOL)
                            .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit)
                                    .setSocketTimeout(limit).build())
                            .build())
                    .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).build())
                    // retries and redirects are decided above (ResilientLlmClient), not here
                    .disableAutomaticRetries()
                    .disableRedirectHandling()
                    .disableCookieManagement()
                    .build();
            return new Transport(blocking, java.net.http.HttpClient.newBuilder().connectTimeout(timeout).build());
        }
    }

    private final Transport transport;
    private final Duration timeout;

    private final AtomicBoolean aborted = new AtomicBoolean();
    private final Set<CompletableFuture<?>> waiting = ConcurrentHashMap.newKeySet();
    private final Set<InputStream> reading = ConcurrentHashMap.newKeySet();

    HeaderKeepingHttpClient(Transport transport, Duration timeout) {
        this.transport = transport;
        this.timeout = timeout;
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
        return failure(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null));
    }

    private static ProviderHttpException failure(int status, String retryAfter) {
        return new ProviderHttpException(status, ProviderFailures.parse(retryAfter).orElse(null));
    }

    private static boolean successful(HttpResponse<?> response) {
        return response.statusCode() >= 200 && response.statusCode() < 300;
    }

    /** What a plain call's answer was: its status, headers and (for a 2xx) body. */
    private record Answer(int status, Map<String, List<String>> headers, String body) {}

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        ClassicRequestBuilder call = ClassicRequestBuilder.create(request.method().name()).setUri(request.url());
        request.headers().forEach((name, values) -> values.forEach(v -> call.addHeader(name, v)));
        if (request.body() != null) {
            call.setEntity(new StringEntity(request.body(), ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        }
        Answer answer;
        try {
            answer = transport.blocking().execute(call.build(), response -> {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                for (Header h : response.getHeaders()) {
                    headers.computeIfAbsent(h.getName(), n -> new ArrayList<>()).add(h.getValue());
                }
                boolean ok = response.getCode() >= 200 && response.getCode() < 300;
                // a refusal's body is dropped unread: it may echo the prompt
                String body = ok && response.getEntity() != null
                        ? EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8) : null;
                return new Answer(response.getCode(), headers, body);
            });
        } catch (InterruptedIOException e) {
            // a connect or read timeout (SocketTimeoutException, ConnectTimeoutException); a thread
            // interrupted while waiting for the pool surfaces here too, and is treated the same way
            throw new TimeoutException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (answer.status() < 200 || answer.status() >= 300) {
            List<String> retryAfter = answer.headers().entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase("Retry-After")).map(Map.Entry::getValue).findFirst()
                    .orElse(List.of());
            throw failure(answer.status(), retryAfter.isEmpty() ? null : retryAfter.get(0));
        }
        return SuccessfulHttpResponse.builder().statusCode(answer.status()).headers(answer.headers())
                .body(answer.body()).build();
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
        CompletableFuture<HttpResponse<InputStream>> sent = transport.streaming().sendAsync(jdkRequest(request), HttpResponse.BodyHandlers.ofInputStream());
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
