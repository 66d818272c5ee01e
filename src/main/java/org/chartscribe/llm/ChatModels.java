package org.chartscribe.llm;

import com.azure.ai.openai.OpenAIServiceVersion;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.chartscribe.note.llm.LlmClient;

/**
 * Builds the langchain4j chat models for the configured provider: temperature 0, the output token
 * limit, the timeout, the requested response format, and request/response logging off (prompts and
 * answers are PHI). Azure OpenAI's are assembled by {@link AzureOpenAiModels}; the OpenAI-compatible ones
 * send through {@link HeaderKeepingHttpClient} over one shared pair of HTTP clients, a streamed call with
 * its own instance so that it can be aborted alone.
 */
public final class ChatModels {

    private ChatModels() {}

    public static LlmClient client(LlmProperties p) {
        return client(p, null, null);
    }

    /**
     * {@code azureHttp}: the azure-core HTTP client for Azure OpenAI and its Entra ID token requests (a
     * proxy, or a test's trust of its own server), or null for the default one. {@code meters}: where the
     * calls' timings and token counts go ({@link LlmCallMetrics}), or null to keep them unexported.
     */
    public static LlmClient client(LlmProperties p, com.azure.core.http.HttpClient azureHttp, MeterRegistry meters) {
        p.validate();
        ChatModel model;
        StreamingCalls streaming;
        switch (p.providerKind()) {
            case AZURE_OPENAI -> {
                AzureOpenAiModels azure = new AzureOpenAiModels(p, azureHttp);
                model = azure.chat();
                streaming = azure::streamingCall;
            }
            case OPENAI_COMPATIBLE -> {
                HeaderKeepingHttpClient.Transport transport = HeaderKeepingHttpClient.Transport.open(p.timeout());
                model = openAiCompatible(p, new HeaderKeepingHttpClient(transport, p.timeout()));
                streaming = () -> {
                    HeaderKeepingHttpClient http = new HeaderKeepingHttpClient(transport, p.timeout());
                    return new StreamingCalls.Call(openAiCompatibleStreaming(p, http), http::abort);
                };
            }
            default -> throw new IllegalStateException("unknown provider");
        }
        LlmCallMetrics metrics = meters == null ? LlmCallMetrics.unexported() : new LlmCallMetrics(meters);
        return new ResilientLlmClient(new LangChainLlmClient(model, streaming, p.model().strip(), p.timeout(), metrics), p);
    }

    private static ChatModel openAiCompatible(LlmProperties p, HeaderKeepingHttpClient http) {
        return OpenAiChatModel.builder()
                .httpClientBuilder(http.asBuilder())
                .baseUrl(p.endpoint().strip())
                // servers without keys (Ollama, a local vLLM) accept any bearer token
                .apiKey(p.hasApiKey() ? p.apiKey().strip() : "none")
                .modelName(p.model().strip())
                .temperature(0.0)
                .maxTokens(p.maxOutputTokens())
                .responseFormat(NoteSchema.responseFormat(p.responseFormat()))
                .strictJsonSchema(true)
                .timeout(p.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    private static OpenAiStreamingChatModel openAiCompatibleStreaming(LlmProperties p, HeaderKeepingHttpClient http) {
        return OpenAiStreamingChatModel.builder()
                .httpClientBuilder(http.asBuilder())
                .baseUrl(p.endpoint().strip())
                .apiKey(p.hasApiKey() ? p.apiKey().strip() : "none")
                .modelName(p.model().strip())
                .temperature(0.0)
                .maxTokens(p.maxOutputTokens())
                .responseFormat(NoteSchema.responseFormat(p.responseFormat()))
                .strictJsonSchema(true)
                .timeout(p.timeout())
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    static OpenAIServiceVersion serviceVersion(String apiVersion) {
        String wanted = apiVersion.strip();
        return Arrays.stream(OpenAIServiceVersion.values()).filter(v -> v.getVersion().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalStateException("CHARTSCRIBE_LLM_API_VERSION must be one of "
                        + Arrays.stream(OpenAIServiceVersion.values()).map(OpenAIServiceVersion::getVersion)
                                .collect(Collectors.joining(", "))));
    }
}
