package org.chartscribe.note;

/**
 * The port every note engine implements. Implementations are plain Java, thread-safe and must not
 * log or retain the transcript.
 */
public interface NoteEngine {

    EngineInfo info();

    DraftNote generate(NoteRequest request);
}
