package org.chartscribe.jobs;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Retention for jobs, like notes: a job and its delivery log are deleted once past {@code expires_at}
 * (created + {@code CHARTSCRIBE_RETENTION}), with any recording still held shredded first; finished
 * jobs whose recording a crash left behind are shredded at once. A db-scheduler recurring task, so
 * one instance runs it per interval. Logs counts only.
 */
class AudioJobPurge {
    private static final Logger log = LoggerFactory.getLogger(AudioJobPurge.class);

    private final AudioJobStore jobs;
    private final RecordingVault recordings;
    private final ObjectProvider<AudioJobRunner> runner;
    private final Clock clock;

    AudioJobPurge(AudioJobStore jobs, RecordingVault recordings, ObjectProvider<AudioJobRunner> runner, Clock clock) {
        this.jobs = jobs;
        this.recordings = recordings;
        this.runner = runner;
        this.clock = clock;
    }

    void run() {
        int shredded = 0;
        for (AudioJob job : jobs.finishedWithRecording()) {
            runner.getObject().shred(job);
            shredded++;
        }
        int purged = 0;
        for (AudioJobStore.Expired expired : jobs.expired(clock.instant())) {
            recordings.shred(expired.jobId(), expired.keySlot());
            jobs.delete(expired.jobId());
            purged++;
        }
        if (shredded + purged > 0) {
            log.info("Audio job purge: {} leftover recordings shredded, {} expired jobs deleted", shredded, purged);
        }
    }
}
