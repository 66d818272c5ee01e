package org.chartscribe.note;

import java.util.Objects;

/** A validated request for a note: what the engine works from. */
public record NoteRequest(
        String transcript,
        Specialty specialty,
        Template template,
        boolean includeBillingCodes,
        PatientHints patient) {

    public NoteRequest {
        Objects.requireNonNull(transcript, "transcript");
        Objects.requireNonNull(specialty, "specialty");
        Objects.requireNonNull(template, "template");
        patient = patient == null ? PatientHints.NONE : patient;
    }

    /** Redacted: records print their fields, and this one carries PHI. */
    @Override
    public String toString() {
        return "NoteRequest[transcript=<" + transcript.length() + " chars>, specialty=" + specialty.id()
                + ", template=" + template.id() + ", includeBillingCodes=" + includeBillingCodes + "]";
    }
}
