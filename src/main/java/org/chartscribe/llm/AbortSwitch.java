package org.chartscribe.llm;

import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Closes one streamed Azure OpenAI call's HTTP exchange on demand. Cancelling the SDK's stream is not
 * enough: its event stream is cached ({@code Flux.cache()}), so a subscriber that leaves does not cancel
 * the response body, and the connection stays open while the model keeps generating (and billing). This
 * policy sits in the call's own pipeline and cuts the response body at its source when {@link #abort()}
 * is called, which makes the HTTP client close the connection; a request still waiting for its answer
 * is abandoned the same way.
 */
final class AbortSwitch implements HttpPipelinePolicy {

    private final Sinks.One<Boolean> pulled = Sinks.one();

    /** Ends the exchange now, or as soon as it starts; idempotent. */
    void abort() {
        pulled.tryEmitValue(Boolean.TRUE);
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        return next.process().takeUntilOther(pulled.asMono()).map(response -> new Cut(response, pulled.asMono()));
    }

    /** The response as received, with a body that ends (cancelling its source) once the switch is pulled. */
    private static final class Cut extends HttpResponse {
        private final HttpResponse response;
        private final Mono<Boolean> pulled;

        Cut(HttpResponse response, Mono<Boolean> pulled) {
            super(response.getRequest());
            this.response = response;
            this.pulled = pulled;
        }

        @Override
        public int getStatusCode() {
            return response.getStatusCode();
        }

        @Override
        @SuppressWarnings("deprecation")
        public String getHeaderValue(String name) {
            return response.getHeaderValue(name);
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return response.getBody().takeUntilOther(pulled);
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return response.getBodyAsByteArray().takeUntilOther(pulled);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return response.getBodyAsString().takeUntilOther(pulled);
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return response.getBodyAsString(charset).takeUntilOther(pulled);
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
