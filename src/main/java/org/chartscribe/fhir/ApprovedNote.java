package org.chartscribe.fhir;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.StoredNote;

/**
 * The note as the clinician approved it: the stored draft with each division the clinician sent replaced
 * by the edited text. The app sends a division as it was displayed, its headings included as lines, so the
 * edited text becomes one heading-less section and is rendered as is (no heading added a second time).
 * A division the clinician did not send keeps the draft's text. Warnings of the draft are dropped: the
 * clinician has read and approved what is left.
 */
public final class ApprovedNote {
    private ApprovedNote() {}

    public static StoredNote of(StoredNote stored, Map<SoapPart, String> edited) {
        DraftNote draft = stored.draft();
        Map<SoapPart, List<NoteSection>> sections = new EnumMap<>(SoapPart.class);
        for (SoapPart part : SoapPart.values()) {
            String text = edited.get(part);
            sections.put(part, text == null ? draft.sections(part) : asSection(text));
        }
        DraftNote approved = new DraftNote(sections, List.of(), draft.engine(), draft.billingCodes());
        return new StoredNote(stored.noteId(), stored.tenantId(), stored.specialty(), stored.template(), approved,
                stored.createdAt(), stored.expiresAt());
    }

    private static List<NoteSection> asSection(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        return normalised.isEmpty() ? List.of() : List.of(new NoteSection("", normalised, List.of()));
    }
}
