package org.chartscribe.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code chartscribe.jobs.*} and {@code chartscribe.webhook.*} ({@code CHARTSCRIBE_JOBS_*},
 * {@code CHARTSCRIBE_WEBHOOK_*}).
 *
 * @param jobs    {@code chunk-size}: a queued recording is sealed and stored in pieces of this size;
 *                {@code max-attempts}: a job interrupted (server killed) this many times fails instead of
 *                starting again
 * @param webhook delivery settings
 */
@ConfigurationProperties(prefix = "chartscribe")
public record JobsProperties(@DefaultValue Jobs jobs, @DefaultValue Webhook webhook) {

    public record Jobs(@DefaultValue("1MB") DataSize chunkSize, @DefaultValue("3") int maxAttempts) {}

    /**
     * @param allowPrivate loopback, private, link-local and other internal targets allowed (and plain http)
     * @param allowHttp    plain http allowed to public addresses
     * @param maxAttempts  tries per event, the first included
     * @param firstRetry   delay before the second try; each later delay doubles (with +-20 % jitter)
     * @param timeout      connect and response timeout of one try
     * @param maxRedirects 307/308 redirects followed, each target checked like the first
     */
    public record Webhook(@DefaultValue("false") boolean allowPrivate, @DefaultValue("false") boolean allowHttp,
                          @DefaultValue("6") int maxAttempts, @DefaultValue("2m") Duration firstRetry,
                          @DefaultValue("10s") Duration timeout, @DefaultValue("3") int maxRedirects) {}
}
