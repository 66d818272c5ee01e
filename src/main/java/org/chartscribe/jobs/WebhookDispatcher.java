package org.chartscribe.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook deliveries as db-scheduler executions ({@code <jobId>/<attempt>}), so a retry waiting an
 * hour survives restarts and runs on one instance only. Each try is logged (attempt, time, status
 * code, outcome; no body, no URL); a failed try schedules the next after a delay that doubles from
 * {@code firstRetry} with +-20 % jitter, up to {@code maxAttempts} tries (6 tries from 2 min: about an
 * hour). The body carries ids only, never note content: the receiver reads the note with
 * {@code GET /v1/note/{noteId}} and its API key, so no PHI travels to a URL the API caller named.
 */
class WebhookDispatcher {
    static final String GENERATED = "note.generated";
    static final String FAILED = "note.failed";
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final AudioJobStore jobs;
    private final WebhookSecretStore secrets;
    private final WebhookSender sender;
    private final ObjectMapper json;
    private final OneTimeTask<Void> task;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final Clock clock;

    WebhookDispatcher(AudioJobStore jobs, WebhookSecretStore secrets, WebhookSender sender, ObjectMapper json,
                      OneTimeTask<Void> task, int maxAttempts, Duration firstRetry, Clock clock) {
        this.jobs = jobs;
        this.secrets = secrets;
        this.sender = sender;
        this.json = json;
        this.task = task;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
        this.clock = clock;
    }

    /** Schedules try {@code attempt} of the job's webhook, if it has one; joins the caller's transaction. */
    void schedule(SchedulerClient scheduler, AudioJob job, int attempt) {
        if (jobs.webhookUrl(job.jobId(), job.tenantId()).isEmpty()) {
            return;
        }
        Instant at = attempt == 1 ? clock.instant() : clock.instant().plus(delayBefore(attempt));
        scheduler.scheduleIfNotExists(task.instance(job.jobId() + "/" + attempt), at);
    }

    Duration delayBefore(int attempt) {
        long base = firstRetry.toMillis() << Math.min(20, Math.max(0, attempt - 2));
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.max(1, Math.round(base * jitter)));
    }

    void deliver(String instanceId, SchedulerClient scheduler) {
        int slash = instanceId.lastIndexOf('/');
        String jobId = instanceId.substring(0, slash);
        int attempt = Integer.parseInt(instanceId.substring(slash + 1));
        Optional<AudioJob> found = jobs.findAny(jobId);
        if (found.isEmpty() || !found.get().status().finished()) {
            return;
        }
        AudioJob job = found.get();
        Optional<URI> url = jobs.webhookUrl(jobId, job.tenantId());
        Optional<String> secret = secrets.find(job.tenantId());
        String type = job.status() == JobStatus.SUCCEEDED ? GENERATED : FAILED;
        if (url.isEmpty() || secret.isEmpty()) {
            jobs.logDelivery(jobId, job.tenantId(), type, attempt, null, "no_secret");
            return;
        }
        byte[] body = body(job, type);
        long now = clock.instant().getEpochSecond();
        WebhookSender.Result result = sender.send(url.get(), body, WebhookSignature.header(secret.get(), now, body));
        jobs.logDelivery(jobId, job.tenantId(), type, attempt, result.statusCode(), result.outcome());
        log.info("Webhook {} for job {} of tenant {}: try {} {} {}", type, jobId, job.tenantId(), attempt,
                result.outcome(), result.statusCode() == null ? "" : result.statusCode());
        if (result.retryable() && attempt < maxAttempts) {
            schedule(scheduler, job, attempt + 1);
        }
    }

    byte[] body(AudioJob job, String type) {
        ObjectNode root = json.createObjectNode();
        root.put("type", type);
        root.put("created_at", clock.instant().toString());
        ObjectNode data = root.putObject("data");
        data.put("jobId", job.jobId());
        data.put("status", job.status().wire());
        if (job.noteId() != null) {
            data.put("noteId", job.noteId());
            data.put("note_url", "/v1/note/" + job.noteId());
        }
        if (job.errorCode() != null) {
            data.putObject("error").put("code", job.errorCode()).put("message", job.errorMessage());
        }
        data.put("status_url", "/v1/jobs/" + job.jobId());
        try {
            return json.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write webhook body", e);
        }
    }
}
