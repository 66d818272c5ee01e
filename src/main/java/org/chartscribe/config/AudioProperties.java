package org.chartscribe.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code CHARTSCRIBE_AUDIO_*}: limits and scratch space of {@code POST /v1/note/audio}.
 *
 * @param maxUploadBytes largest accepted recording ({@code CHARTSCRIBE_AUDIO_MAX_UPLOAD_BYTES}, 413 above)
 * @param maxDuration    longest accepted recording ({@code CHARTSCRIBE_AUDIO_MAX_DURATION}, 413 above)
 * @param syncLimit      longer recordings are answered 202 with a job ({@code CHARTSCRIBE_AUDIO_SYNC_LIMIT})
 * @param workDir        owner-only scratch directory for uploads and decoded PCM; empty = {@code <data dir>/audio-work}
 * @param uploadDeadline total time a client gets to send a multipart upload ({@code CHARTSCRIBE_AUDIO_UPLOAD_DEADLINE};
 *                       JSON bodies keep {@code CHARTSCRIBE_TRAFFIC_BODY_DEADLINE})
 */
@ConfigurationProperties(prefix = "chartscribe.audio")
public record AudioProperties(
        @DefaultValue("200MB") DataSize maxUploadBytes,
        @DefaultValue("2h") Duration maxDuration,
        @DefaultValue("120s") Duration syncLimit,
        Path workDir,
        @DefaultValue("10m") Duration uploadDeadline) {}
