package org.chartscribe.llm;

import com.azure.ai.openai.OpenAIClientBuilder;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.HttpClientOptions;
import dev.langchain4j.model.azure.AzureOpenAiChatModel;
import dev.langchain4j.model.azure.AzureOpenAiStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The Azure OpenAI models. The OpenAI client is assembled here rather than by the SDK so that no HTTP
 * logging policy exists in its pipeline, the retries are the configured ones (ResilientLlmClient's), a
 * loopback {@code http://} gateway works (azure-core refuses credentials over http), and each streamed
 * call has its own {@link AbortSwitch}. One HTTP client (connection pool) serves every call, the token
 * requests of Entra ID included.
 */
final class AzureOpenAiModels {

    private final LlmProperties p;
    private final HttpClient http;
    private final HttpPipelinePolicy credential;

    /** {@code http}: the HTTP client for every call, or null for azure-core's default with the configured timeouts. */
    AzureOpenAiModels(LlmProperties p, HttpClient http) {
        this.p = p;
        this.http = http != null ? http : HttpClient.createDefault(new HttpClientOptions().setConnectTimeout(p.timeout())
                .setResponseTimeout(p.timeout()).setReadTimeout(p.timeout()).setWriteTimeout(p.timeout()));
        this.credential = p.authKind() == LlmProperties.Auth.ENTRA_ID ? EntraIdTokens.from(p, http) : apiKey(p.apiKey().strip());
    }

    private static HttpPipelinePolicy apiKey(String key) {
        HttpHeaderName header = HttpHeaderName.fromString("api-key");
        return (context, next) -> {
            context.getHttpRequest().setHeader(header, key);
            return next.process();
        };
    }

    ChatModel chat() {
        return AzureOpenAiChatModel.builder()
                .openAIClient(client(List.of()).buildClient())
                .deploymentName(p.model().strip())
                .temperature(0.0)
                .maxTokens(p.maxOutputTokens())
                .responseFormat(NoteSchema.responseFormat(p.responseFormat()))
                .strictJsonSchema(true)
                .logRequestsAndResponses(false)
                .build();
    }

    /** A streaming model for one call, over a pipeline whose switch closes that call's connection. */
    StreamingCalls.Call streamingCall() {
        AbortSwitch abort = new AbortSwitch();
        return new StreamingCalls.Call(AzureOpenAiStreamingChatModel.builder()
                .openAIAsyncClient(client(List.of(abort)).buildAsyncClient())
                .deploymentName(p.model().strip())
                .temperature(0.0)
                .maxTokens(p.maxOutputTokens())
                .responseFormat(NoteSchema.responseFormat(p.responseFormat()))
                .strictJsonSchema(true)
                .logRequestsAndResponses(false)
                .build(), abort::abort);
    }

    private OpenAIClientBuilder client(List<HttpPipelinePolicy> extra) {
        // no retry policy: retries are ResilientLlmClient's (one bound, Retry-After, the circuit breaker), and
        // azure-core's policy would log every failure at ERROR
        List<HttpPipelinePolicy> policies = new ArrayList<>(extra);
        policies.add(credential);
        return new OpenAIClientBuilder()
                .endpoint(p.endpoint().strip())
                .serviceVersion(ChatModels.serviceVersion(p.apiVersion()))
                .pipeline(new HttpPipelineBuilder().policies(policies.toArray(HttpPipelinePolicy[]::new)).httpClient(http).build());
    }
}
