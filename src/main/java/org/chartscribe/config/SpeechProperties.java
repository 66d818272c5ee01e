package org.chartscribe.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code CHARTSCRIBE_SPEECH_*}: which speech engine turns recordings into text.
 *
 * @param provider      {@code embedded} (offline Sphinx4, default), {@code openai-compatible} or {@code azure}
 * @param endpoint      base URL of the OpenAI-compatible server (e.g. {@code https://api.openai.com/v1}, or the
 *                      Azure OpenAI resource URL), or the Azure Speech endpoint (instead of a region)
 * @param apiKey        key of the cloud engine; never logged
 * @param region        Azure Speech region, e.g. {@code westeurope}
 * @param model         OpenAI model name or Azure OpenAI deployment ({@code whisper-1})
 * @param apiVersion    Azure OpenAI api-version; set it for an Azure OpenAI endpoint, leave it empty otherwise
 * @param language      spoken language: {@code en} for Whisper, {@code en-US} for Azure Speech
 * @param timeout       longest wait for one cloud request (a Whisper chunk; Azure: on top of the recording's length)
 * @param fallback      on a cloud failure, recognise with the embedded engine (true) or answer 502 (false)
 * @param embeddedModel {@code clinical} (built from the engine's vocabulary, default) or {@code general}
 * @param diarisation   tell speakers apart in the embedded engine (Sphinx4 speaker clustering)
 */
@ConfigurationProperties(prefix = "chartscribe.speech")
public record SpeechProperties(
        @DefaultValue("embedded") String provider,
        String endpoint,
        String apiKey,
        String region,
        @DefaultValue("whisper-1") String model,
        String apiVersion,
        String language,
        @DefaultValue("120s") Duration timeout,
        @DefaultValue("true") boolean fallback,
        @DefaultValue("clinical") String embeddedModel,
        @DefaultValue("true") boolean diarisation) {

    /** Redacted: the key must not reach a log or the actuator. */
    @Override
    public String toString() {
        return "SpeechProperties[provider=" + provider + ", endpoint=" + (endpoint == null ? "(unset)" : "(set)")
                + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "(unset)" : "(set)") + ", region=" + region
                + ", model=" + model + ", fallback=" + fallback + ", embeddedModel=" + embeddedModel + "]";
    }
}
