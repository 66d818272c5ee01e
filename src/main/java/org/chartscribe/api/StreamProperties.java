package org.chartscribe.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code POST /v1/stream/note} settings ({@code CHARTSCRIBE_STREAM_*}).
 *
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open and a reader
 *                  that has gone is noticed (its write fails) and its model call cancelled
 * @param timeout   the longest a stream may stay open
 * @param workers   notes written at once for streams (the rest wait in the queue, their streams open)
 * @param queue     streams that may wait for a worker; beyond it a stream is refused with 503 before it starts
 */
@ConfigurationProperties(prefix = "chartscribe.stream")
public record StreamProperties(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("10m") Duration timeout,
        @DefaultValue("32") int workers,
        @DefaultValue("1000") int queue) {

    public StreamProperties {
        if (heartbeat.isNegative() || heartbeat.isZero() || timeout.isNegative() || timeout.isZero()
                || workers < 1 || queue < 0) {
            throw new IllegalStateException("CHARTSCRIBE_STREAM_HEARTBEAT and CHARTSCRIBE_STREAM_TIMEOUT must be "
                    + "positive, CHARTSCRIBE_STREAM_WORKERS at least 1 and CHARTSCRIBE_STREAM_QUEUE not negative");
        }
    }
}
