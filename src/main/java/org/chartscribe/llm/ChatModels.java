package org.chartscribe.llm;

import com.azure.ai.openai.OpenAIClient;
import com.azure.ai.openai.OpenAIClientBuilder;
import com.azure.ai.openai.OpenAIServiceVersion;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.HttpClientOptions;
import dev.langchain4j.model.azure.AzureOpenAiChatModel;
import dev.langchain4j.model.azure.AzureOpenAiStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.chartscribe.note.llm.LlmClient;

/**
 * Builds the langchain4j chat model for the configured provider: temperature 0, the output token
 * limit, the timeout, the requested response format, and request/response logging off (prompts and
 * answers are PHI). On Azure the OpenAI client is assembled here rather than by the SDK so that no
 * HTTP logging policy exists in its pipeline, the retries are the configured ones, and a loopback
 * {@code http://} gateway works (azure-core refuses key credentials over http).
 */
public final class ChatModels {

    private ChatModels() {}

    public static LlmClient client(LlmProperties p) {
        p.validate();
        ChatModel model = switch (p.providerKind()) {
            case AZURE_OPENAI -> azure(p);
            case OPENAI_COMPATIBLE -> openAiCompatible(p);
        };
        StreamingChatModel streaming = switch (p.providerKind()) {
            case AZURE_OPENAI -> azureStreaming(p);
            case OPENAI_COMPATIBLE -> openAiCompatibleStreaming(p);
        };
        return new ResilientLlmClient(new LangChainLlmClient(model, streaming, p.model().strip(), p.timeout()), p);
    }

    private static ChatModel azure(LlmProperties p) {
        return AzureOpenAiChatModel.builder()
                .openAIClient(azureClient(p))
                .deploymentName(p.model().strip())
                .temperature(0.0)
                .maxTokens(p.maxOutputTokens())
                .responseFormat(NoteSchema.responseFormat(p.responseFormat()))
                .strictJsonSchema(true)
                .logRequestsAndResponses(false)
                .build();
    }

    private static StreamingChatModel azureStreaming(LlmProperties p) {
        return AzureOpenAiStreamingChatModel.builder()
                .openAIAsyncClient(azureClientBuilder(p).buildAsyncClient())
                .deploymentName(p.model().strip())
                .temperature(0.0)
                .maxTokens(p.maxOutputTokens())
                .responseFormat(NoteSchema.responseFormat(p.responseFormat()))
                .strictJsonSchema(true)
                .logRequestsAndResponses(false)
                .build();
    }

    static OpenAIClient azureClient(LlmProperties p) {
        return azureClientBuilder(p).buildClient();
    }

    private static OpenAIClientBuilder azureClientBuilder(LlmProperties p) {
        HttpClientOptions http = new HttpClientOptions().setConnectTimeout(p.timeout()).setResponseTimeout(p.timeout())
                .setReadTimeout(p.timeout()).setWriteTimeout(p.timeout());
        String key = p.apiKey().strip();
        HttpPipelinePolicy apiKey = (context, next) -> {
            context.getHttpRequest().setHeader(com.azure.core.http.HttpHeaderName.fromString("api-key"), key);
            return next.process();
        };
        // no retry policy: retries are ResilientLlmClient's (one bound, Retry-After, the circuit breaker), and
        // azure-core's policy would log every failure at ERROR
        List<HttpPipelinePolicy> policies = new ArrayList<>();
        policies.add(apiKey);
        return new OpenAIClientBuilder()
                .endpoint(p.endpoint().strip())
                .serviceVersion(serviceVersion(p.apiVersion()))
                .pipeline(new HttpPipelineBuilder()
                        .policies(policies.toArray(HttpPipelinePolicy[]::new))
                        .httpClient(com.azure.core.http.HttpClient.createDefault(http))
                        .build());
    }

    private static ChatModel openAiCompatible(LlmProperties p) {
        return OpenAiChatModel.builder()
                .httpClientBuilder(HeaderKeepingHttpClient.builder(p.timeout()))
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

    private static StreamingChatModel openAiCompatibleStreaming(LlmProperties p) {
        return OpenAiStreamingChatModel.builder()
                .httpClientBuilder(HeaderKeepingHttpClient.builder(p.timeout()))
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
