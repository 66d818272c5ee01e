package org.chartscribe.note;

/**
 * Where a streamed note goes while it is written: text appended to a SOAP division ({@code section}),
 * and the end of a division ({@code sectionDone}). Divisions arrive in order and each delta appends to
 * the division's plain text as {@link NoteText} renders it. {@link #cancelled()} turns true when the
 * reader has gone; engines stop their work (and their model call) when they see it.
 */
public interface NoteStream {

    void section(SoapPart part, String delta);

    void sectionDone(SoapPart part);

    boolean cancelled();

    /** Thrown to abandon a note whose reader has gone: nothing is stored. */
    final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("the reader of the streamed note went away", null, false, false);
        }
    }
}
