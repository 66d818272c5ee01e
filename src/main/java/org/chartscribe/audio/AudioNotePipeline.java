package org.chartscribe.audio;

import java.nio.file.Path;
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
    AudioNoteResult run(String tenantId, Path audio, AudioNoteOptions options, DoubleConsumer progress);
}
