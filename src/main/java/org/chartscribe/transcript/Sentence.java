package org.chartscribe.transcript;

/**
 * One sentence of a transcript. {@code text} is exactly {@code source.substring(start, end)} of the
 * original transcript (UTF-16 offsets, end exclusive), so notes can point back at it.
 */
public record Sentence(String text, int start, int end, Role speaker) {
    public Sentence {
        if (start < 0 || end < start || text.length() != end - start) {
            throw new IllegalArgumentException("sentence span does not match its text");
        }
    }
}
