package org.chartscribe.llm;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.chartscribe.note.EngineFailedException;
import org.chartscribe.note.EngineFailedException.Failure;
import org.chartscribe.note.llm.LlmClient;
import org.chartscribe.note.llm.LlmMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded retries and a circuit breaker (resilience4j) around the provider client. A rate-limited or
 * failed attempt (429, 5xx, timeout, unreachable) is retried up to {@code maxRetries} times: after the
 * provider's {@code Retry-After} when it gave one (unless longer than {@code retryAfterMax}), else after
 * an exponential backoff with jitter, and never past the request's {@code deadline}. An answer that was
 * unusable (content filter, bad request) is not retried: the same prompt would get the same answer. A
 * stream that already delivered content is not retried either, its reader has seen part of it.
 *
 * <p>Provider failures (5xx, timeouts, unreachable; not 429 or refusals) feed the breaker: when they
 * reach the configured rate it opens and calls fail at once, without reaching the provider, so
 * {@code engine=auto} falls back immediately instead of waiting out a timeout per request.
 */
final class ResilientLlmClient implements LlmClient {

    private static final Logger log = LoggerFactory.getLogger(ResilientLlmClient.class);

    private final LlmClient provider;
    private final LlmProperties p;
    private final CircuitBreaker breaker;

    ResilientLlmClient(LlmClient provider, LlmProperties p) {
        this.provider = provider;
        this.p = p;
        this.breaker = CircuitBreaker.of("llm", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(p.breakerWindow())
                .minimumNumberOfCalls(p.breakerWindow())
                .failureRateThreshold(p.breakerFailureRate())
                .waitDurationInOpenState(p.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(ResilientLlmClient::providerDown)
                .build());
        breaker.getEventPublisher().onStateTransition(e -> log.warn("LLM circuit breaker {}", e.getStateTransition()));
    }

    @Override
    public String complete(List<LlmMessage> messages, Consumer<String> partial) {
        return withRetries(new AtomicBoolean(), () -> provider.complete(messages, partial));
    }

    @Override
    public String stream(List<LlmMessage> messages, Consumer<String> partial, BooleanSupplier cancelled) {
        AtomicBoolean delivered = new AtomicBoolean();
        Consumer<String> tracking = content -> {
            delivered.set(true);
            partial.accept(content);
        };
        return withRetries(delivered, () -> provider.stream(messages, tracking, cancelled));
    }

    @Override
    public String model() {
        return provider.model();
    }

    CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    private String withRetries(AtomicBoolean delivered, Supplier<String> call) {
        long deadline = System.nanoTime() + p.deadline().toNanos();
        AtomicInteger attempts = new AtomicInteger();
        AtomicLong nextWaitMs = new AtomicLong();
        Retry retry = Retry.of("llm", RetryConfig.custom()
                .maxAttempts(p.maxRetries() + 1)
                .retryOnException(e -> {
                    if (delivered.get() || !(e instanceof EngineFailedException f) || !retryable(f)) {
                        return false;
                    }
                    Duration wait = waitBefore(attempts.get(), f);
                    if (wait == null || System.nanoTime() + wait.toNanos() >= deadline) {
                        return false;
                    }
                    nextWaitMs.set(wait.toMillis());
                    log.info("LLM call attempt {} failed ({}), retrying in {} ms", attempts.get(), f.failure(), wait.toMillis());
                    return true;
                })
                .intervalBiFunction((attempt, outcome) -> nextWaitMs.get())
                .build());
        Supplier<String> attempt = () -> {
            attempts.incrementAndGet();
            if (attempts.get() > 1 && System.nanoTime() >= deadline) {
                throw new EngineFailedException(Failure.UNAVAILABLE, "the model provider did not answer within the "
                        + "request's deadline (CHARTSCRIBE_LLM_DEADLINE)");
            }
            try {
                return breaker.executeSupplier(call);
            } catch (CallNotPermittedException open) {
                throw new EngineFailedException(Failure.UNAVAILABLE, "the model provider failed repeatedly, so calls to it "
                        + "are paused for up to " + p.breakerOpenFor().toSeconds() + " s (circuit breaker open)",
                        p.breakerOpenFor(), null);
            }
        };
        return Retry.decorateSupplier(retry, attempt).get();
    }

    private static boolean providerDown(Throwable e) {
        return e instanceof EngineFailedException f && f.failure() == Failure.UNAVAILABLE;
    }

    private static boolean retryable(EngineFailedException f) {
        // an open breaker is UNAVAILABLE too, but has no cause: retrying it would only wait
        return (f.failure() == Failure.RATE_LIMITED || f.failure() == Failure.UNAVAILABLE) && f.getCause() != null;
    }

    /** The wait before the next attempt, or null when the provider asked for longer than is honoured. */
    private Duration waitBefore(int failedAttempts, EngineFailedException f) {
        if (f.retryAfter().isPresent()) {
            Duration asked = f.retryAfter().get();
            return asked.compareTo(p.retryAfterMax()) > 0 ? null : asked;
        }
        long base = p.retryBackoff().toMillis() << Math.min(failedAttempts - 1, 10);
        // +-50% so that many requests failing together do not come back together
        return Duration.ofMillis((long) (base * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }
}
