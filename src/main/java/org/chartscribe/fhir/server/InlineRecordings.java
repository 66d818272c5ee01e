package org.chartscribe.fhir.server;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chartscribe.audio.AudioRejected;
import org.chartscribe.audio.RecordingPipeline;
import org.chartscribe.audio.SpeechRecognizer;
import org.chartscribe.audio.TempFiles;
import org.chartscribe.fhir.GenerateSoapRequest;
import org.chartscribe.note.StoredNote;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * {@code $generate-soap} with {@code audio}: the inline recording goes through the same pipeline as
 * {@code POST /v1/note/audio} (sniffed, decoded, recognised, written), synchronously, so only recordings
 * up to the synchronous limit are taken; longer ones are pointed to the audio endpoint, which answers
 * with a job. The bytes are spooled to the owner-only audio work directory and deleted when done.
 */
final class InlineRecordings {
    private final RecordingPipeline pipeline;
    private final Path workDir;
    private final long syncLimitMs;

    InlineRecordings(RecordingPipeline pipeline, Path workDir, long syncLimitMs) {
        this.pipeline = pipeline;
        this.workDir = workDir;
        this.syncLimitMs = syncLimitMs;
    }

    /** The stored note written from the recording, or the OperationOutcome that says what was wrong. */
    StoredNote note(String tenant, GenerateSoapRequest.Recording recording) {
        Path spooled = null;
        try {
            spooled = Files.createTempFile(workDir, "fhir-", ".audio");
            Files.write(spooled, recording.audio());
            RecordingPipeline.Inspection inspection = pipeline.inspect(spooled);
            if (inspection.durationMs() > syncLimitMs) {
                throw FhirOutcomes.issue(413, IssueType.TOOLONG, "The recording is longer than "
                        + (syncLimitMs / 1000) + " s, the most $generate-soap transcribes while the caller waits. "
                        + "Upload it to POST /v1/note/audio, which answers with a job and a webhook.");
            }
            return pipeline.run(tenant, spooled, recording.options(), progress -> { }).note();
        } catch (AudioRejected e) {
            throw rejected(e);
        } catch (SpeechRecognizer.SpeechUnavailable e) {
            throw FhirOutcomes.issue(502, IssueType.TRANSIENT, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the recording", e);
        } finally {
            TempFiles.deleteQuietly(spooled);
        }
    }

    /** The statuses of the audio endpoint, as OperationOutcomes; the message names no content. */
    private static BaseServerResponseException rejected(AudioRejected e) {
        return switch (e.reason()) {
            case UNSUPPORTED_FORMAT -> FhirOutcomes.issue(415, IssueType.NOTSUPPORTED, e.getMessage());
            case TOO_LONG -> FhirOutcomes.issue(413, IssueType.TOOLONG, e.getMessage());
            case EMPTY, CORRUPT, NO_SPEECH -> FhirOutcomes.issue(422, IssueType.PROCESSING, e.getMessage());
        };
    }
}
