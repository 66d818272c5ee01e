package org.chartscribe.note;

/**
 * The port every note engine implements. Implementations are plain Java, thread-safe and must not
 * log or retain the transcript.
 */
public interface NoteEngine {

    EngineInfo info();

    DraftNote generate(NoteRequest request);

    /**
     * As {@link #generate(NoteRequest)}, sending sections to {@code stream} as they are written. This
     * default writes the whole note first; the caller streams it from the draft (what an engine that
     * takes milliseconds should do). An engine must stop with {@link NoteStream.Cancelled} once
     * {@link NoteStream#cancelled()} says its reader has gone.
     */
    default DraftNote generate(NoteRequest request, NoteStream stream) {
        return generate(request);
    }
}
