package org.chartscribe.audio;

import java.util.Objects;
import org.chartscribe.note.RecognisedTranscript;
import org.chartscribe.note.StoredNote;

/** The stored note and the transcript it was written from (its evidence offsets index that text). */
public record AudioNoteResult(StoredNote note, RecognisedTranscript transcript) {
    public AudioNoteResult {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(transcript, "transcript");
    }
}
