package org.chartscribe.fhir;

import java.util.Objects;
import java.util.Optional;
import org.chartscribe.audio.AudioNoteOptions;
import org.chartscribe.note.NoteRequest;

/**
 * A checked {@code $generate-soap} call: what to generate from (a transcript, or a recording sent inline
 * as an Attachment), where it belongs, how to shape it, and whether to write the resources into the
 * caller's EHR (only possible from a SMART launch).
 */
public record GenerateSoapRequest(Input input, ChartReferences chart, FhirDialect dialect, boolean writeBack) {

    public GenerateSoapRequest {
        Objects.requireNonNull(input, "input");
    }

    public GenerateSoapRequest(NoteRequest note, ChartReferences chart, FhirDialect dialect) {
        this(new Transcript(note), chart, dialect, false);
    }

    /** What the note is written from. */
    public sealed interface Input permits Transcript, Recording {}

    public record Transcript(NoteRequest note) implements Input {
        public Transcript {
            Objects.requireNonNull(note, "note");
        }
    }

    /** The recording's bytes (any supported container, recognised by content) and the note fields. */
    public record Recording(byte[] audio, AudioNoteOptions options) implements Input {
        public Recording {
            Objects.requireNonNull(audio, "audio");
            Objects.requireNonNull(options, "options");
        }

        /** Redacted: the bytes are the encounter. */
        @Override
        public String toString() {
            return "Recording[" + audio.length + " bytes, " + options + "]";
        }
    }

    /** The transcript request, when the call sent a transcript. */
    public Optional<NoteRequest> transcriptNote() {
        return input instanceof Transcript t ? Optional.of(t.note()) : Optional.empty();
    }

    /** The same call, written into the launching EHR's chart in its dialect. */
    public GenerateSoapRequest writingBackTo(ChartReferences launchedChart, FhirDialect launchedDialect) {
        return new GenerateSoapRequest(input, launchedChart, launchedDialect, true);
    }
}
