package org.chartscribe.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.chartscribe.coding.Icd10CodeSet;
import org.chartscribe.llm.AzureHttp;
import org.chartscribe.llm.ChatModels;
import org.chartscribe.llm.LlmProperties;
import org.chartscribe.note.llm.LlmNoteEngine;
import org.chartscribe.note.llm.PromptLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The LLM note engine, offered to {@link NoteConfig} when {@code CHARTSCRIBE_LLM_PROVIDER} is set (an
 * empty value counts as unset). A provider with incomplete settings stops start-up with a message
 * naming the missing variable, rather than answering 503 for every request later.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
class LlmConfig {

    private static final Logger log = LoggerFactory.getLogger(LlmConfig.class);

    @Bean
    @Conditional(ProviderSet.class)
    NoteConfig.LlmEngineHolder llmNoteEngine(LlmProperties properties, Icd10CodeSet codes,
            ObjectProvider<AzureHttp> azureHttp, ObjectProvider<MeterRegistry> meters) {
        // an AzureHttp bean, where one exists, carries Azure OpenAI's calls (e.g. through a proxy)
        AzureHttp http = azureHttp.getIfAvailable();
        LlmNoteEngine engine = new LlmNoteEngine(ChatModels.client(properties, http == null ? null : http.client(),
                meters.getIfAvailable()),
                new PromptLibrary(), codes,
                new LlmNoteEngine.Limits(properties.contextTokens(), properties.maxOutputTokens()));
        log.info("LLM note engine: provider={}, model={}, timeout={}, responseFormat={}, auth={}", properties.providerKind(),
                properties.model(), properties.timeout(), properties.responseFormat(),
                properties.providerKind() == LlmProperties.Provider.AZURE_OPENAI ? properties.authKind() : "bearer key");
        return new NoteConfig.LlmEngineHolder(engine);
    }

    static final class ProviderSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String provider = context.getEnvironment().getProperty("chartscribe.llm.provider", "");
            return !provider.isBlank();
        }
    }
}
