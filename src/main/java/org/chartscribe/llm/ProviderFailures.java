package org.chartscribe.llm;

import com.azure.core.exception.HttpResponseException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.chartscribe.note.EngineFailedException;
import org.chartscribe.note.EngineFailedException.Failure;

/**
 * Turns whatever the provider client threw into an {@link EngineFailedException} with a message of our
 * own: provider messages can echo the prompt (PHI) or name the key's resource, so none is passed on.
 * {@code Retry-After} is read from the provider's response where the client kept it.
 */
final class ProviderFailures {

    private ProviderFailures() {}

    static EngineFailedException map(Throwable thrown) {
        Integer status = null;
        Duration retryAfter = null;
        boolean timeout = false;
        boolean rateLimited = false;
        boolean filtered = false;
        boolean auth = false;
        boolean rejected = false;
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProviderHttpException p) {
                status = p.statusCode();
                retryAfter = p.retryAfter().orElse(retryAfter);
            } else if (t instanceof HttpResponseException azure && azure.getResponse() != null) {
                status = azure.getResponse().getStatusCode();
                retryAfter = parse(azure.getResponse().getHeaderValue("Retry-After")).orElse(retryAfter);
            } else if (t instanceof HttpException http && status == null) {
                status = http.statusCode();
            }
            timeout |= t instanceof TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t.getClass().getName().endsWith("TimeoutException");
            rateLimited |= t instanceof RateLimitException;
            filtered |= t instanceof ContentFilteredException;
            auth |= t instanceof AuthenticationException;
            rejected |= t instanceof InvalidRequestException;
        }
        if (rateLimited || (status != null && status == 429)) {
            return new EngineFailedException(Failure.RATE_LIMITED, "the model provider is rate limiting requests (HTTP 429)",
                    retryAfter, thrown);
        }
        if (filtered) {
            return new EngineFailedException(Failure.BAD_OUTPUT, "the provider's content filter refused the request",
                    null, thrown);
        }
        if (timeout) {
            return new EngineFailedException(Failure.UNAVAILABLE,
                    "the model provider did not answer within the timeout (CHARTSCRIBE_LLM_TIMEOUT)", null, thrown);
        }
        if (auth || (status != null && (status == 401 || status == 403))) {
            return new EngineFailedException(Failure.UNAVAILABLE,
                    "the model provider refused the configured credentials (HTTP " + (status == null ? "401" : status) + ")",
                    null, null); // no cause: ResilientLlmClient retries only failures with one, and the same key would fail again
        }
        if (status != null && status >= 500) {
            return new EngineFailedException(Failure.UNAVAILABLE, "the model provider failed (HTTP " + status + ")",
                    retryAfter, thrown);
        }
        if (rejected || (status != null && status >= 400)) {
            return new EngineFailedException(Failure.BAD_OUTPUT, "the model provider rejected the request (HTTP "
                    + (status == null ? 400 : status) + ")", null, thrown);
        }
        return new EngineFailedException(Failure.UNAVAILABLE, "the model provider could not be reached", null, thrown);
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date (RFC 9110); anything else is ignored. */
    static Optional<Duration> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String v = header.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            return Optional.of(Duration.ofSeconds(v.length() > 6 ? 86_400 : Long.parseLong(v)));
        }
        try {
            Duration wait = Duration.between(java.time.Instant.now(), java.time.ZonedDateTime.parse(v,
                    java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (java.time.format.DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
