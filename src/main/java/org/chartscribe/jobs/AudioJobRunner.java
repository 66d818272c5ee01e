package org.chartscribe.jobs;

import org.chartscribe.audio.TempFiles;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import org.chartscribe.audio.AudioNotePipeline;
import org.chartscribe.audio.AudioNoteResult;
import org.chartscribe.audio.AudioRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one job on whichever instance db-scheduler gave it to. Exactly one note per job, even when a
 * server dies at any point: the pipeline runs inside one database transaction that also marks the
 * job succeeded with the note id and schedules its webhook, so the note row, the job's end and the
 * webhook commit together or not at all (a killed server's transaction never commits; the job is
 * revived from its stale heartbeat and starts again, and finds a finished job if it had committed).
 * Progress is written in separate short transactions so readers see it rise. The recording is
 * shredded once the job has ended, and a job interrupted {@code maxAttempts} times fails.
 * Logs ids, codes and timings only.
 */
class AudioJobRunner {
    private static final Logger log = LoggerFactory.getLogger(AudioJobRunner.class);
    /** Progress is written when it rose by at least this much, not on every recogniser callback. */
    private static final double PROGRESS_STEP = 0.02;

    private final AudioJobStore jobs;
    private final RecordingVault recordings;
    private final AudioNotePipeline pipeline;
    private final WebhookDispatcher webhooks;
    private final TransactionTemplate tx;
    private final TransactionTemplate separateTx;
    private final Path workDir;
    private final int maxAttempts;
    private final Clock clock;

    AudioJobRunner(AudioJobStore jobs, RecordingVault recordings, AudioNotePipeline pipeline, WebhookDispatcher webhooks,
                   TransactionTemplate tx, Path workDir, int maxAttempts, Clock clock) {
        this.jobs = jobs;
        this.recordings = recordings;
        this.pipeline = pipeline;
        this.webhooks = webhooks;
        this.tx = tx;
        this.separateTx = new TransactionTemplate(tx.getTransactionManager());
        this.separateTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.workDir = workDir;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    void run(String jobId, SchedulerClient scheduler) {
        Optional<AudioJob> found = jobs.findAny(jobId);
        if (found.isEmpty()) {
            return; // purged
        }
        AudioJob job = found.get();
        if (job.status().finished()) {
            shred(job);
            return;
        }
        int attempt = jobs.start(jobId);
        if (attempt == 0) {
            return;
        }
        long started = clock.millis();
        if (attempt > maxAttempts) {
            finishFailed(job, JobErrors.INTERRUPTED, "The job was interrupted " + (attempt - 1)
                    + " times (the server stopped while running it) and was given up.", scheduler);
            return;
        }
        Path recording = null;
        try {
            recording = Files.createTempFile(workDir, "job-", ".audio");
            recordings.copyTo(jobId, job.tenantId(), job.keySlot(), job.audioBytes(), recording);
            Path audio = recording;
            String noteId = tx.execute(status -> {
                AudioNoteResult result = pipeline.run(job.tenantId(), audio, JobOptions.read(job.options()),
                        progress(jobId));
                if (!jobs.succeed(jobId, result.note().noteId())) {
                    throw new IllegalStateException("the job ended elsewhere while it ran here");
                }
                webhooks.schedule(scheduler, job, 1);
                return result.note().noteId();
            });
            log.info("Audio job {} of tenant {} succeeded (note {}, attempt {}, {} ms)", jobId, job.tenantId(), noteId,
                    attempt, clock.millis() - started);
        } catch (AudioRejected e) {
            finishFailed(job, JobErrors.code(e), e.getMessage(), scheduler);
        } catch (RuntimeException | IOException e) {
            log.warn("Audio job {} of tenant {} failed ({})", jobId, job.tenantId(), e.getClass().getSimpleName());
            finishFailed(job, JobErrors.INTERNAL, "The recording could not be made into a note.", scheduler);
        } finally {
            TempFiles.deleteQuietly(recording);
        }
        jobs.findAny(jobId).ifPresent(this::shred);
    }

    private void finishFailed(AudioJob job, String code, String message, SchedulerClient scheduler) {
        tx.executeWithoutResult(status -> {
            if (jobs.fail(job.jobId(), code, message)) {
                webhooks.schedule(scheduler, job, 1);
            }
        });
        log.info("Audio job {} of tenant {} failed with {}", job.jobId(), job.tenantId(), code);
        jobs.findAny(job.jobId()).ifPresent(this::shred);
    }

    /** Destroys the recording of a finished job (idempotent: also after a crash between end and shred). */
    void shred(AudioJob job) {
        if (job.keySlot() == null || !job.status().finished()) {
            return;
        }
        recordings.shred(job.jobId(), job.keySlot());
        jobs.clearKeySlot(job.jobId());
    }

    private DoubleConsumer progress(String jobId) {
        double[] written = {0};
        return value -> {
            double p = Math.max(0, Math.min(0.99, value));
            if (p - written[0] >= PROGRESS_STEP) {
                written[0] = p;
                // outside the job's transaction, which holds the note until the end
                separateTx.executeWithoutResult(status -> jobs.progress(jobId, p));
            }
        };
    }
}
