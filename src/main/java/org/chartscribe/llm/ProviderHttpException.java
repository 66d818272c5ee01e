package org.chartscribe.llm;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/** A non-2xx answer of an OpenAI-compatible server, with its {@code Retry-After} kept (langchain4j's drops headers). */
final class ProviderHttpException extends HttpException {
    private final transient Duration retryAfter;

    ProviderHttpException(int statusCode, Duration retryAfter) {
        // the body is not kept: providers echo parts of the request in error messages
        super(statusCode, "HTTP " + statusCode);
        this.retryAfter = retryAfter;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
