package org.chartscribe.audio;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Hands a recording to the durable job queue. The submitter copies what it needs (encrypted) before
 * it returns, so the caller may delete {@code audio} at once and a job survives a killed server.
 */
public interface AudioJobSubmitter {
    /** @throws WebhookUrlRejected when {@code webhookUrl} is not an address ChartScribe may call */
    default AcceptedJob submit(String tenantId, Path audio, AudioNoteOptions options, Optional<URI> webhookUrl) {
        return submit(tenantId, audio, options, webhookUrl, Optional.empty());
    }

    /**
     * As above; with an {@code idempotency} key, a job the tenant submitted under the same key within the
     * last 24 h is answered instead of a new one.
     * @throws org.chartscribe.note.IdempotencyConflictException when that key came with another request
     */
    AcceptedJob submit(String tenantId, Path audio, AudioNoteOptions options, Optional<URI> webhookUrl,
                       Optional<IdempotentUpload> idempotency);

    /** Whether the tenant's earlier job under this key answers (same request), looked up before the upload is used. */
    Optional<AcceptedJob> replayed(String tenantId, IdempotentUpload idempotency);

    record AcceptedJob(String jobId) {}
}
