package org.chartscribe.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.chartscribe.note.NoteStream;
import org.chartscribe.note.EngineFailedException;
import org.chartscribe.note.llm.LlmClient;
import org.chartscribe.note.llm.LlmMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LlmClient} port over a langchain4j {@link ChatModel} (Azure OpenAI or OpenAI-compatible),
 * built with temperature 0, the token limit, the timeout and request/response logging off. {@code complete}
 * blocks and hands the whole answer to {@code partial} once; {@code stream} sits on the
 * {@code StreamingChatModel} and hands over each token. Records each call's outcome, time and token counts
 * in {@link LlmCallMetrics}; logs failures, never prompts or answers.
 */
final class LangChainLlmClient implements LlmClient {

    private static final Logger log = LoggerFactory.getLogger(LangChainLlmClient.class);

    private final ChatModel model;
    private final StreamingCalls streaming;
    private final String modelName;
    private final Duration timeout;
    private final LlmCallMetrics metrics;

    LangChainLlmClient(ChatModel model, StreamingCalls streaming, String modelName, Duration timeout,
            LlmCallMetrics metrics) {
        this.model = model;
        this.streaming = streaming;
        this.modelName = modelName;
        this.timeout = timeout;
        this.metrics = metrics;
    }

    /**
     * The answer streamed: each token goes to {@code partial} on the provider client's thread. The calling
     * thread waits for the end, checking {@code cancelled} every 100 ms: once the reader has gone, the
     * call's own switch closes its provider connection, whether or not a token has arrived (the model
     * stops generating, and billing, for us), and langchain4j's handle is cancelled too. The timeout
     * bounds the whole answer.
     */
    @Override
    public String stream(List<LlmMessage> messages, Consumer<String> partial, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        StreamingCalls.Call call = streaming.open();
        call.model().chat(ChatRequest.builder().messages(messages.stream().map(LangChainLlmClient::message).toList()).build(),
                new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(PartialResponse response, PartialResponseContext context) {
                        handle.set(context.streamingHandle());
                        if (cancelled.getAsBoolean() || done.isDone()) {
                            context.streamingHandle().cancel();
                            return;
                        }
                        partial.accept(response.text());
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        done.complete(response);
                    }

                    @Override
                    public void onError(Throwable error) {
                        done.completeExceptionally(error);
                    }
                });
        long deadline = started + timeout.toNanos();
        try {
            while (true) {
                if (cancelled.getAsBoolean()) {
                    cancel(call, handle, done);
                    metrics.cancelled(started);
                    log.info("LLM stream cancelled after {} ms: the reader went away", elapsedMs(started));
                    throw new NoteStream.Cancelled();
                }
                if (System.nanoTime() > deadline) {
                    cancel(call, handle, done);
                    throw new java.util.concurrent.TimeoutException("stream");
                }
                try {
                    return checked(done.get(100, TimeUnit.MILLISECONDS), LlmCallMetrics.Mode.STREAM, started, content -> { });
                } catch (java.util.concurrent.TimeoutException notYet) {
                    // poll again
                }
            }
        } catch (ExecutionException e) {
            throw failed(e.getCause(), started);
        } catch (java.util.concurrent.TimeoutException e) {
            throw failed(e, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel(call, handle, done);
            throw new NoteStream.Cancelled();
        }
    }

    private static void cancel(StreamingCalls.Call call, AtomicReference<StreamingHandle> handle,
            CompletableFuture<ChatResponse> done) {
        done.cancel(false);
        call.abort().run();
        StreamingHandle h = handle.get();
        if (h != null && !h.isCancelled()) {
            h.cancel();
        }
    }

    private EngineFailedException failed(Throwable e, long started) {
        EngineFailedException failure = ProviderFailures.map(e);
        metrics.failed(LlmCallMetrics.Mode.STREAM, started);
        log.warn("LLM stream failed: {} after {} ms ({})", failure.failure(), elapsedMs(started), e.getClass().getSimpleName());
        return failure;
    }

    @Override
    public String complete(List<LlmMessage> messages, Consumer<String> partial) {
        long started = System.nanoTime();
        ChatResponse response;
        try {
            response = model.chat(ChatRequest.builder().messages(messages.stream().map(LangChainLlmClient::message).toList())
                    .build());
        } catch (RuntimeException e) {
            EngineFailedException failure = ProviderFailures.map(e);
            metrics.failed(LlmCallMetrics.Mode.PLAIN, started);
            // the failure's message is ours; the provider's (which may echo the prompt) is not logged
            log.warn("LLM call failed: {} after {} ms ({})", failure.failure(), elapsedMs(started), e.getClass().getSimpleName());
            throw failure;
        }
        return checked(response, LlmCallMetrics.Mode.PLAIN, started, partial);
    }

    private String checked(ChatResponse response, LlmCallMetrics.Mode mode, long started, Consumer<String> partial) {
        FinishReason finish = response.finishReason();
        metrics.answered(mode, started, finish, response.tokenUsage());
        // Per call at debug only: at info it costs a formatted line per note; the counts are in the metrics.
        log.debug("LLM call done in {} ms, finish={}, tokens in={} out={}", elapsedMs(started), finish,
                response.tokenUsage() == null ? null : response.tokenUsage().inputTokenCount(),
                response.tokenUsage() == null ? null : response.tokenUsage().outputTokenCount());
        if (finish == FinishReason.CONTENT_FILTER) {
            throw new EngineFailedException(EngineFailedException.Failure.BAD_OUTPUT,
                    "the provider's content filter withheld the model's answer");
        }
        if (finish == FinishReason.LENGTH) {
            throw new EngineFailedException(EngineFailedException.Failure.BAD_OUTPUT,
                    "the model's answer reached the output token limit (CHARTSCRIBE_LLM_MAX_OUTPUT_TOKENS) before the note was complete");
        }
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text != null) {
            partial.accept(text);
        }
        return text;
    }

    @Override
    public String model() {
        return modelName;
    }

    private static ChatMessage message(LlmMessage m) {
        return switch (m.role()) {
            case SYSTEM -> SystemMessage.from(m.text());
            case USER -> UserMessage.from(m.text());
            case ASSISTANT -> AiMessage.from(m.text());
        };
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
