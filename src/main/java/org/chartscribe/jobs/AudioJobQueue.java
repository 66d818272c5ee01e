package org.chartscribe.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.chartscribe.audio.AudioJobSubmitter;
import org.chartscribe.audio.AudioNoteOptions;
import org.chartscribe.audio.IdempotentUpload;
import org.chartscribe.audio.WebhookUrlRejected;
import org.chartscribe.note.IdempotencyConflictException;
import org.chartscribe.note.NoteService;
import org.chartscribe.store.crypto.DataKey;
import org.chartscribe.store.crypto.KeyVault;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts a recording as a job: the webhook URL is checked (policy and a signing secret), a data key
 * is made, and in one transaction the recording is sealed into {@code audio_chunks}, the job row
 * written and its db-scheduler execution scheduled (the scheduler's DataSource is transaction-aware),
 * so a job is either fully queued or not at all. A failure after the key was made destroys it.
 */
class AudioJobQueue implements AudioJobSubmitter {
    private final AudioJobStore jobs;
    private final RecordingVault recordings;
    private final KeyVault keys;
    private final WebhookUrlPolicy policy;
    private final WebhookSecretStore secrets;
    private final Supplier<SchedulerClient> scheduler;
    private final OneTimeTask<Void> task;
    private final TransactionTemplate tx;
    private final Supplier<String> ids;
    private final Duration retention;
    private final Clock clock;

    AudioJobQueue(AudioJobStore jobs, RecordingVault recordings, KeyVault keys, WebhookUrlPolicy policy,
                  WebhookSecretStore secrets, Supplier<SchedulerClient> scheduler, OneTimeTask<Void> task,
                  TransactionTemplate tx, Supplier<String> ids, Duration retention, Clock clock) {
        this.jobs = jobs;
        this.recordings = recordings;
        this.keys = keys;
        this.policy = policy;
        this.secrets = secrets;
        this.scheduler = scheduler;
        this.task = task;
        this.tx = tx;
        this.ids = ids;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public Optional<AcceptedJob> replayed(String tenantId, IdempotentUpload idempotency) {
        jobs.releaseKeyIfOlderThan(tenantId, idempotency.key(), clock.instant().minus(NoteService.IDEMPOTENCY_WINDOW));
        return jobs.findByKey(tenantId, idempotency.key()).map(job -> {
            if (!job.requestHash().equals(idempotency.requestHash())) {
                throw new IdempotencyConflictException();
            }
            return new AcceptedJob(job.jobId());
        });
    }

    @Override
    public AcceptedJob submit(String tenantId, Path audio, AudioNoteOptions options, Optional<URI> webhookUrl,
                              Optional<IdempotentUpload> idempotency) {
        if (idempotency.isPresent()) {
            Optional<AcceptedJob> earlier = replayed(tenantId, idempotency.get());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        if (webhookUrl.isPresent()) {
            policy.check(webhookUrl.get());
            if (secrets.find(tenantId).isEmpty()) {
                throw new WebhookUrlRejected("cannot be used: this tenant has no webhook signing secret "
                        + "(create one with `keys webhook-secret <tenant>`)");
            }
        }
        String jobId = ids.get();
        DataKey key = recordings.newKey(jobId, tenantId);
        try {
            tx.executeWithoutResult(status -> {
                long bytes = recordings.store(jobId, tenantId, key, audio);
                jobs.insert(jobId, tenantId, JobOptions.write(options), key.slot(), bytes, webhookUrl,
                        clock.instant().plus(retention));
                idempotency.ifPresent(k -> jobs.bindKey(jobId, k.key(), k.requestHash()));
                scheduler.get().schedule(task.instance(jobId), clock.instant());
            });
        } catch (DuplicateKeyException e) {
            // a concurrent upload with the same key was queued first: answer with its job
            keys.destroy(key.slot());
            return replayed(tenantId, idempotency.orElseThrow(() -> e)).orElseThrow(() -> e);
        } catch (RuntimeException e) {
            keys.destroy(key.slot());
            throw e;
        }
        return new AcceptedJob(jobId);
    }
}
