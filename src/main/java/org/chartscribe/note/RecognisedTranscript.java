package org.chartscribe.note;

import java.util.List;
import java.util.Objects;

/**
 * What a speech recogniser heard: the text a note was written from and its speaker-labelled segments.
 * A note written from a recording keeps it (sealed with the note), so the note's evidence offsets can
 * be read against it whenever the note is fetched.
 */
public record RecognisedTranscript(String text, List<Segment> segments) {
    public RecognisedTranscript {
        Objects.requireNonNull(text, "text");
        segments = List.copyOf(segments);
    }

    /** {@code speaker} is one of the contract's {@code clinician}, {@code patient}, {@code unknown}. */
    public record Segment(String speaker, long startMs, long endMs, String text) {
        @Override
        public String toString() {
            return "Segment[" + speaker + ", " + startMs + "-" + endMs + " ms, <" + text.length() + " chars>]";
        }
    }

    /** Redacted: records print their fields, and this one carries PHI. */
    @Override
    public String toString() {
        return "RecognisedTranscript[text=<" + text.length() + " chars>, segments=" + segments.size() + "]";
    }
}
