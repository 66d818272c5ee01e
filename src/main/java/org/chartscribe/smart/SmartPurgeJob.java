package org.chartscribe.smart;

import java.time.Clock;
import java.time.Instant;
import org.chartscribe.config.ChartScribeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes expired SMART launches and sessions (with their sealed tokens) every
 * {@code chartscribe.purge-interval}, like the note purge. Idempotent, so several instances may run
 * it at once. Logs counts only. Not in CLI mode.
 */
@Component
@ConditionalOnProperty(prefix = "chartscribe", name = "cli", havingValue = "false", matchIfMissing = true)
class SmartPurgeJob implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(SmartPurgeJob.class);

    private final JdbcSmartStore store;
    private final ChartScribeProperties properties;
    private final Clock clock;

    SmartPurgeJob(JdbcSmartStore store, ChartScribeProperties properties, ObjectProvider<Clock> clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::runSafely, properties.purgeInterval());
    }

    void runSafely() {
        try {
            int purged = run(clock.instant());
            if (purged > 0) {
                log.info("SMART purge: {} expired launches and sessions deleted", purged);
            }
        } catch (RuntimeException e) {
            log.warn("SMART purge failed ({}); will retry in {}", e.getClass().getSimpleName(),
                    properties.purgeInterval());
        }
    }

    int run(Instant now) {
        return store.purgeExpired(now);
    }
}
