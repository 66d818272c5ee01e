package org.chartscribe.note;

/**
 * A span of the submitted transcript that supports a piece of the note.
 * Offsets are UTF-16 code units (Java {@code String} indices), end exclusive.
 */
public record Evidence(int start, int end) {
    public Evidence {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("evidence span must satisfy 0 <= start <= end");
        }
    }
}
