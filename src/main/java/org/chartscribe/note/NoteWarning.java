package org.chartscribe.note;

/**
 * Something the reader of a note should know, e.g. a fact that was removed because the transcript
 * does not support it ({@code UNSUPPORTED_FACT}) or an engine fallback.
 * {@code section} is a {@link SoapPart#key()} or null when the warning concerns the whole note.
 */
public record NoteWarning(String code, String section, String text) {
    /** Redacted: the text may quote the encounter. */
    @Override
    public String toString() {
        return "NoteWarning[code=" + code + ", section=" + section + "]";
    }
}
