package org.chartscribe.note;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an engine produces: the headed sections of each SOAP division, plus warnings.
 * Every division is present (possibly with an empty list). {@code billingCodes} is null unless the
 * request asked for them; {@code transcript} is null unless the note was written from a recording (then
 * it is what the recogniser heard, and the evidence offsets index its text).
 */
public record DraftNote(Map<SoapPart, List<NoteSection>> sections, List<NoteWarning> warnings, EngineInfo engine,
                        BillingCodes billingCodes, RecognisedTranscript transcript) {

    public DraftNote(Map<SoapPart, List<NoteSection>> sections, List<NoteWarning> warnings, EngineInfo engine) {
        this(sections, warnings, engine, null, null);
    }

    public DraftNote(Map<SoapPart, List<NoteSection>> sections, List<NoteWarning> warnings, EngineInfo engine,
                     BillingCodes billingCodes) {
        this(sections, warnings, engine, billingCodes, null);
    }

    public DraftNote {
        Map<SoapPart, List<NoteSection>> copy = new EnumMap<>(SoapPart.class);
        for (SoapPart part : SoapPart.values()) {
            copy.put(part, List.copyOf(sections.getOrDefault(part, List.of())));
        }
        sections = java.util.Collections.unmodifiableMap(copy);
        warnings = List.copyOf(warnings);
    }

    public DraftNote withBillingCodes(BillingCodes codes) {
        return new DraftNote(sections, warnings, engine, codes, transcript);
    }

    /** The note as written from a recording: what was heard, and what the reader should know about it. */
    public DraftNote fromRecording(RecognisedTranscript heard, List<NoteWarning> notices) {
        List<NoteWarning> all = new java.util.ArrayList<>(warnings);
        all.addAll(notices);
        return new DraftNote(sections, all, engine, billingCodes, heard);
    }

    public List<NoteSection> sections(SoapPart part) {
        return sections.get(part);
    }

    /** The division as plain text: each heading on its own line followed by its text. */
    public String render(SoapPart part) {
        return NoteText.render(sections.get(part));
    }

    /** Redacted: sections and warnings may quote the encounter. */
    @Override
    public String toString() {
        return "DraftNote[engine=" + engine + ", warnings=" + warnings.size() + "]";
    }
}
