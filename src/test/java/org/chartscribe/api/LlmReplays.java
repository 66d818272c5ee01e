package org.chartscribe.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.List;
import java.util.Map;

/**
 * A WireMock server replaying chat-completions answers in the documented wire format (the same JSON on
 * Azure OpenAI, which adds its content-filter results, and on OpenAI-compatible servers).
 */
public final class LlmReplays {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LlmReplays() {}

    /** Silent: the fake provider's own diagnostics would print request bodies, and they are not the app's logs. */
    static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().notifier(new Notifier() {
            @Override
            public void info(String message) {
            }

            @Override
            public void error(String message) {
            }

            @Override
            public void error(String message, Throwable t) {
            }
        }));
        server.start();
        return server;
    }

    /** A completed chat answer with {@code content} as the assistant message. */
    static String completion(String content, String finishReason) {
        Map<String, Object> message = Map.of("role", "assistant", "content", content);
        Map<String, Object> choice = new java.util.LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("finish_reason", finishReason);
        choice.put("logprobs", null);
        choice.put("content_filter_results", Map.of("hate", Map.of("filtered", false, "severity", "safe")));
        try {
            return JSON.writeValueAsString(Map.of(
                    "id", "chatcmpl-replay", "object", "chat.completion", "created", 1764800000,
                    "model", "gpt-4o-2024-11-20", "system_fingerprint", "fp_replay",
                    "choices", List.of(choice),
                    "usage", Map.of("prompt_tokens", 1200, "completion_tokens", 450, "total_tokens", 1650)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String completion(String content) {
        return completion(content, "stop");
    }

    /** Azure's refusal of a prompt by its content filter (HTTP 400). */
    static String contentFilterError() {
        return "{\"error\":{\"message\":\"The response was filtered due to the prompt triggering Azure OpenAI's content "
                + "management policy.\",\"type\":null,\"param\":\"prompt\",\"code\":\"content_filter\",\"status\":400,"
                + "\"innererror\":{\"code\":\"ResponsibleAIPolicyViolation\",\"content_filter_result\":{\"violence\":"
                + "{\"filtered\":true,\"severity\":\"medium\"}}}}}";
    }

    /**
     * A streamed chat answer as the provider sends it ({@code stream: true}): server-sent events, one
     * {@code chat.completion.chunk} per piece of content (about {@code pieceLength} characters), a last
     * chunk with the finish reason and usage, then {@code data: [DONE]}.
     */
    public static List<String> streamedChunks(String content, int pieceLength, String finishReason) {
        List<String> events = new java.util.ArrayList<>();
        events.add(chunk(Map.of("role", "assistant", "content", ""), null));
        for (int i = 0; i < content.length(); i += pieceLength) {
            events.add(chunk(Map.of("content", content.substring(i, Math.min(content.length(), i + pieceLength))), null));
        }
        events.add(chunk(Map.of(), finishReason));
        events.add("data: [DONE]\n\n");
        return events;
    }

    /**
     * A streamed answer as Azure OpenAI sends it: the same chunks, preceded by Azure's event with no choices
     * that carries the prompt's content-filter results.
     */
    static List<String> azureStreamedChunks(String content, int pieceLength) {
        List<String> events = new java.util.ArrayList<>();
        Map<String, Object> safe = Map.of("filtered", false, "severity", "safe");
        Map<String, Object> promptFilter = new java.util.LinkedHashMap<>();
        promptFilter.put("choices", List.of());
        promptFilter.put("created", 0);
        promptFilter.put("id", "");
        promptFilter.put("model", "");
        promptFilter.put("object", "");
        promptFilter.put("prompt_filter_results", List.of(Map.of("prompt_index", 0, "content_filter_results",
                Map.of("hate", safe, "self_harm", safe, "sexual", safe, "violence", safe))));
        try {
            events.add("data: " + JSON.writeValueAsString(promptFilter) + "\n\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        events.addAll(streamedChunks(content, pieceLength, "stop"));
        return events;
    }

    static String streamed(String content) {
        return String.join("", streamedChunks(content, 24, "stop"));
    }

    /** One {@code chat.completion.chunk} event carrying {@code content}. */
    public static String contentChunk(String content) {
        return chunk(Map.of("content", content), null);
    }

    private static String chunk(Map<String, Object> delta, String finishReason) {
        Map<String, Object> choice = new java.util.LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        choice.put("content_filter_results", Map.of());
        Map<String, Object> chunk = new java.util.LinkedHashMap<>();
        chunk.put("id", "chatcmpl-replay");
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", 1764800000);
        chunk.put("model", "gpt-4o-2024-11-20");
        chunk.put("system_fingerprint", "fp_replay");
        chunk.put("choices", List.of(choice));
        try {
            return "data: " + JSON.writeValueAsString(chunk) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
