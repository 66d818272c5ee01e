package org.chartscribe.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.util.List;
import java.util.function.Consumer;
import org.chartscribe.note.EngineFailedException;
import org.chartscribe.note.llm.LlmClient;
import org.chartscribe.note.llm.LlmMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LlmClient} port over a langchain4j {@link ChatModel} (Azure OpenAI or OpenAI-compatible),
 * built with temperature 0, the token limit, the timeout and request/response logging off. Blocking:
 * the whole answer is handed to {@code partial} once; a streaming variant would sit on
 * {@code StreamingChatModel} and hand over each token instead. Logs only the outcome and timings.
 */
final class LangChainLlmClient implements LlmClient {

    private static final Logger log = LoggerFactory.getLogger(LangChainLlmClient.class);

    private final ChatModel model;
    private final String modelName;

    LangChainLlmClient(ChatModel model, String modelName) {
        this.model = model;
        this.modelName = modelName;
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
            // the failure's message is ours; the provider's (which may echo the prompt) is not logged
            log.warn("LLM call failed: {} after {} ms ({})", failure.failure(), elapsedMs(started), e.getClass().getSimpleName());
            throw failure;
        }
        FinishReason finish = response.finishReason();
        log.info("LLM call done in {} ms, finish={}, tokens in={} out={}", elapsedMs(started), finish,
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
