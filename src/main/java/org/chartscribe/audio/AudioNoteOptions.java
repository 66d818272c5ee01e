package org.chartscribe.audio;

import java.util.Objects;
import org.chartscribe.note.EngineChoice;
import org.chartscribe.note.Specialty;
import org.chartscribe.note.Template;

/** The note fields sent with a recording: what the note is written as once the audio is text. */
public record AudioNoteOptions(Specialty specialty, Template template, boolean includeBillingCodes,
                               EngineChoice engine) {
    public AudioNoteOptions {
        Objects.requireNonNull(specialty, "specialty");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(engine, "engine");
    }
}
