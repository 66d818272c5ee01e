/**
 * Audio jobs and signed webhooks (issue 14 items 3 and 4): the adapter that implements
 * {@link org.chartscribe.audio.AudioJobSubmitter} on db-scheduler, so several instances on one
 * database share the work and a job outlives a killed server. The recording waits in the database,
 * sealed in chunks under its own data key, and is shredded when the job ends.
 */
package org.chartscribe.jobs;
