package org.chartscribe.jobs;

import java.time.Instant;

/**
 * A job row: ids, state and our own error wording, never content. {@code errorCode} is one of
 * {@link JobErrors}' codes.
 */
public record AudioJob(String jobId, String tenantId, JobStatus status, double progress, String options,
                       String noteId, String errorCode, String errorMessage, Long keySlot, long audioBytes,
                       int attempts, Instant createdAt, Instant finishedAt) {}
