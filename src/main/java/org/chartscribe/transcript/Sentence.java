package org.chartscribe.transcript;

import java.util.List;

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

    /** The sentence of {@code sentences} (in transcript order) holding the offset, or null between sentences. */
    public static Sentence holding(List<Sentence> sentences, int offset) {
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Sentence s = sentences.get(mid);
            if (offset < s.start()) {
                hi = mid - 1;
            } else if (offset >= s.end()) {
                lo = mid + 1;
            } else {
                return s;
            }
        }
        return null;
    }
}
