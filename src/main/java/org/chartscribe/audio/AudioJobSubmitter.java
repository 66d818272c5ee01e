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
    AcceptedJob submit(String tenantId, Path audio, AudioNoteOptions options, Optional<URI> webhookUrl);

    record AcceptedJob(String jobId) {}
}
