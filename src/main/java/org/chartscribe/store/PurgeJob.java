package org.chartscribe.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.chartscribe.config.ChartScribeProperties;
import org.chartscribe.note.IdempotencyStore;
import org.chartscribe.note.NoteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Destroys expired note content and forgets idempotency keys older than 24 h, every
 * {@code chartscribe.purge-interval} (fixed delay, first run at start-up). Safe to run on several
 * instances at once: both statements are idempotent. Logs counts only. Not in CLI mode.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(prefix = "chartscribe", name = "cli", havingValue = "false", matchIfMissing = true)
class PurgeJob implements SchedulingConfigurer {

    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(PurgeJob.class);

    private final NoteStore notes;
    private final IdempotencyStore idempotency;
    private final Duration interval;
    private final Clock clock;

    PurgeJob(NoteStore notes, IdempotencyStore idempotency, ChartScribeProperties properties, ObjectProvider<Clock> clock) {
        this.notes = notes;
        this.idempotency = idempotency;
        this.interval = properties.purgeInterval();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        // Programmatic rather than @Scheduled so the interval is the bound Duration ("1h", "PT30M", ...).
        registrar.addFixedDelayTask(this::runSafely, interval);
    }

    void runSafely() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Purge failed ({}); will retry in {}", e.getClass().getSimpleName(), interval);
        }
    }

    void run() {
        Instant now = clock.instant();
        int notesPurged = notes.purgeExpired(now);
        int keysForgotten = idempotency.purgeOlderThan(now.minus(IDEMPOTENCY_WINDOW));
        if (notesPurged > 0 || keysForgotten > 0) {
            log.info("Purge: {} expired notes destroyed, {} idempotency keys forgotten", notesPurged, keysForgotten);
        } else {
            log.debug("Purge: nothing to do");
        }
    }
}
