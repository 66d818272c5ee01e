package org.chartscribe.audio;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.DoubleConsumer;

/**
 * Recording in, stored note out: decode, recognise speech with speaker roles, write the note.
 * The synchronous endpoint and the background job both run a recording through this one port, so a
 * job's note is exactly the note the synchronous call would have given.
 */
public interface AudioNotePipeline {
    /**
     * @param audio    the uploaded recording as received (any supported container); the caller owns
     *                 and deletes the file
     * @param progress told values rising from 0 to 1 while the recording is recognised
     */
    default AudioNoteResult run(String tenantId, Path audio, AudioNoteOptions options, DoubleConsumer progress) {
        return run(tenantId, audio, options, Optional.empty(), progress);
    }

    /**
     * As above; with an {@code idempotency} key the note is remembered under it, and a concurrent request
     * with the same key that finished first answers instead (its note, not a second one).
     */
    AudioNoteResult run(String tenantId, Path audio, AudioNoteOptions options, Optional<IdempotentUpload> idempotency,
                        DoubleConsumer progress);
}
