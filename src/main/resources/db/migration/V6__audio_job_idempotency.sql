-- Idempotency-Key on POST /v1/note/audio when the recording becomes a job (issue 14): the job row
-- remembers the client's key (as its SHA-256, like idempotency_keys) and a digest of the request,
-- so a retried upload answers with the same job. The unique index settles races between instances;
-- rows without a key (NULL) are not constrained on either database.
ALTER TABLE audio_jobs ADD COLUMN idem_key VARCHAR(64);
ALTER TABLE audio_jobs ADD COLUMN request_hash VARCHAR(64);
CREATE UNIQUE INDEX audio_jobs_idem_idx ON audio_jobs (tenant_id, idem_key);
