package org.chartscribe.llm;

import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * What each model call cost, for the operator's dashboards rather than a log line per call:
 * {@code chartscribe_llm_calls_seconds} (tags {@code mode} plain / stream and {@code outcome}: the
 * finish reason, {@code failed} or {@code cancelled}) and {@code chartscribe_llm_tokens_total} (tag
 * {@code direction} input / output, as the provider reported them). Counts and timings only: nothing of
 * the prompt or the answer.
 */
final class LlmCallMetrics {

    enum Mode { PLAIN, STREAM }

    private final MeterRegistry registry;
    private final Counter inputTokens;
    private final Counter outputTokens;

    LlmCallMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.inputTokens = tokens("input");
        this.outputTokens = tokens("output");
    }

    /** For a client built without a registry (command-line tools, tests): counted, never exported. */
    static LlmCallMetrics unexported() {
        return new LlmCallMetrics(new SimpleMeterRegistry());
    }

    void answered(Mode mode, long startedNanos, FinishReason finish, TokenUsage usage) {
        timer(mode, finish == null ? "unknown" : finish.name().toLowerCase(java.util.Locale.ROOT)).record(
                System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        if (usage != null) {
            add(inputTokens, usage.inputTokenCount());
            add(outputTokens, usage.outputTokenCount());
        }
    }

    void failed(Mode mode, long startedNanos) {
        timer(mode, "failed").record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    void cancelled(long startedNanos) {
        timer(Mode.STREAM, "cancelled").record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Mode mode, String outcome) {
        // Micrometer keeps one meter per name and tags; a lookup, not a new meter per call.
        return Timer.builder("chartscribe.llm.calls")
                .description("Calls to the configured language model, by mode and outcome")
                .tag("mode", mode.name().toLowerCase(java.util.Locale.ROOT))
                .tag("outcome", outcome)
                .register(registry);
    }

    private Counter tokens(String direction) {
        return Counter.builder("chartscribe.llm.tokens")
                .description("Tokens the model provider reported for our calls")
                .tag("direction", direction)
                .register(registry);
    }

    private static void add(Counter counter, Integer count) {
        if (count != null && count > 0) {
            counter.increment(count);
        }
    }
}
