package org.chartscribe.note.llm;

import java.util.List;
import java.util.function.Consumer;
import org.chartscribe.note.EngineFailedException;

/**
 * The port to a chat-completions model. An adapter sends the messages with temperature 0, its token
 * limit and timeout, asks for JSON matching the note schema where the provider supports it, and
 * returns the model's whole answer. A streaming adapter hands each piece of content to
 * {@code partial} as it arrives (a blocking one may call it once, or never); the return value is
 * always the complete content.
 *
 * <p>Failures are {@link EngineFailedException}s whose messages never quote the prompt or the answer.
 * Implementations must not log either: both carry PHI.
 */
public interface LlmClient {

    String complete(List<LlmMessage> messages, Consumer<String> partial);

    /** The model or deployment name, reported as the engine's version. */
    String model();
}
