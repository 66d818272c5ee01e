package org.chartscribe.transcript;

import java.util.List;

/** What one speaker said without interruption; offsets cover the words after the speaker label. */
public record Turn(Role role, int start, int end, List<Sentence> sentences) {
    public Turn {
        sentences = List.copyOf(sentences);
    }
}
