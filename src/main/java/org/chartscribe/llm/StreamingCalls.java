package org.chartscribe.llm;

import dev.langchain4j.model.chat.StreamingChatModel;

/**
 * Opens one streamed model call: the streaming model to send it with, and the switch that closes that
 * call's HTTP exchange. langchain4j's own handle cannot always do it (the Azure SDK caches its event
 * stream, and no handle exists before the first token), so each call gets a switch of its own.
 */
interface StreamingCalls {

    Call open();

    /** {@code abort} closes the provider connection of this call only, at any point; idempotent. */
    record Call(StreamingChatModel model, Runnable abort) {}
}
