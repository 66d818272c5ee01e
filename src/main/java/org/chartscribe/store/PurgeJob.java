package org.chartscribe.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.chartscribe.config.ChartScribeProperties;
import org.chartscribe.note.IdempotencyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Destroys expired note content (and its data keys) and forgets idempotency keys older than 24 h,
 * every {@code chartscribe.purge-interval} (fixed delay, first run at start-up). Also destroys data
 * keys no note refers to (a crash between key and row) once they are {@link #ORPHAN_GRACE} old, and
 * re-seals notes written before data keys. Safe to run on several instances at once: every step is
 * idempotent or conditional. Logs counts only. Not in CLI mode.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(prefix = "chartscribe", name = "cli", havingValue = "false", matchIfMissing = true)
class PurgeJob implements SchedulingConfigurer {

    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    /** Far longer than any save takes between storing its key and committing its row. */
    static final Duration ORPHAN_GRACE = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(PurgeJob.class);

    private final JdbcNoteStore notes;
    private final IdempotencyStore idempotency;
    private final Duration interval;
    private final Clock clock;

    PurgeJob(JdbcNoteStore notes, IdempotencyStore idempotency, ChartScribeProperties properties, ObjectProvider<Clock> clock) {
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
        int orphans = notes.destroyOrphanKeys(now.minus(ORPHAN_GRACE));
        int resealed = notes.resealLegacyNotes();
        if (notesPurged > 0 || keysForgotten > 0 || orphans > 0 || resealed > 0) {
            log.info("Purge: {} expired notes destroyed, {} idempotency keys forgotten, {} orphan data keys destroyed, "
                    + "{} older notes moved to data keys", notesPurged, keysForgotten, orphans, resealed);
        } else {
            log.debug("Purge: nothing to do");
        }
    }
}
