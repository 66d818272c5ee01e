package org.chartscribe.note.llm;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.chartscribe.note.EngineFailedException;

/**
 * The port to a chat-completions model. An adapter sends the messages with temperature 0, its token
 * limit and timeout, asks for JSON matching the note schema where the provider supports it, and
 * returns the model's whole answer. {@link #stream} asks the provider to stream: each piece of content
 * goes to {@code partial} as it arrives, and the call is abandoned (the provider connection closed) once
 * {@code cancelled} says so; the return value is always the complete content.
 *
 * <p>Failures are {@link EngineFailedException}s whose messages never quote the prompt or the answer.
 * Implementations must not log either: both carry PHI.
 */
public interface LlmClient {

    String complete(List<LlmMessage> messages, Consumer<String> partial);

    /** Streamed where the adapter can; this default hands the whole answer over once. */
    default String stream(List<LlmMessage> messages, Consumer<String> partial, BooleanSupplier cancelled) {
        String answer = complete(messages, content -> { });
        if (answer != null && !cancelled.getAsBoolean()) {
            partial.accept(answer);
        }
        return answer;
    }

    /** The model or deployment name, reported as the engine's version. */
    String model();
}
