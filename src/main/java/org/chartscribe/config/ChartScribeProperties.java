package org.chartscribe.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings bound from {@code chartscribe.*}, i.e. the {@code CHARTSCRIBE_*} environment variables
 * (relaxed binding: {@code CHARTSCRIBE_DATA_DIR} is {@code chartscribe.data-dir}).
 *
 * @param dataDir          where the H2 database and generated keys live ({@code CHARTSCRIBE_DATA_DIR})
 * @param encryptionKey    {@code base64} or {@code kid:base64,kid2:base64}, first active; empty = key file in dataDir
 * @param retention        how long a note is kept ({@code CHARTSCRIBE_RETENTION})
 * @param purgeInterval    delay between purge runs ({@code CHARTSCRIBE_PURGE_INTERVAL})
 * @param bootstrapApiKeys {@code tenant:key,...} registered at start-up ({@code CHARTSCRIBE_BOOTSTRAP_API_KEYS})
 * @param mode             {@code local} (single user, keys generated) or {@code server}
 * @param maxRequestBytes  largest accepted JSON request body ({@code CHARTSCRIBE_MAX_REQUEST_BYTES})
 * @param cli              true while a CLI command runs: no start-up key printing, no scheduled jobs
 */
@ConfigurationProperties(prefix = "chartscribe")
public record ChartScribeProperties(
        @DefaultValue("./data") Path dataDir,
        String encryptionKey,
        @DefaultValue("30d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval,
        String bootstrapApiKeys,
        @DefaultValue("local") Mode mode,
        @DefaultValue("2MB") DataSize maxRequestBytes,
        @DefaultValue("false") boolean cli) {

    public enum Mode { LOCAL, SERVER }

    public boolean localMode() {
        return mode == Mode.LOCAL;
    }

    /** Secrets are redacted: this record may be printed by actuator or a careless log line. */
    @Override
    public String toString() {
        return "ChartScribeProperties[dataDir=" + dataDir
                + ", encryptionKey=" + (encryptionKey == null || encryptionKey.isBlank() ? "(unset)" : "(set)")
                + ", retention=" + retention + ", purgeInterval=" + purgeInterval
                + ", bootstrapApiKeys=" + (bootstrapApiKeys == null || bootstrapApiKeys.isBlank() ? "(unset)" : "(set)")
                + ", mode=" + mode + ", maxRequestBytes=" + maxRequestBytes + ", cli=" + cli + "]";
    }
}
