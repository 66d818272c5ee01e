package org.chartscribe.note;

/**
 * The port that suggests billing codes for a generated note. Implementations are plain Java,
 * thread-safe, and must not log or retain the transcript or the note.
 */
public interface MedicalCoder {

    /** Codes supported by the note's assessment and the transcript the note was generated from. */
    BillingCodes code(NoteRequest request, DraftNote draft);
}
