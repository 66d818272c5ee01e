package org.chartscribe.transcript;

import java.util.List;

/**
 * A parsed transcript. {@code dictation} is true when no speaker labels were found, in which case
 * the whole text is one clinician turn.
 */
public record Transcript(String source, List<Turn> turns, boolean dictation) {
    public Transcript {
        turns = List.copyOf(turns);
    }

    /** All sentences in transcript order. */
    public List<Sentence> sentences() {
        return turns.stream().flatMap(t -> t.sentences().stream()).toList();
    }
}
