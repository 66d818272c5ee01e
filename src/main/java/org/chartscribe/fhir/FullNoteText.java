package org.chartscribe.fhir;

import java.util.Locale;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.SoapPart;

/** The whole note as one plain-text document: each SOAP division as a capitalised title, then its sections. */
final class FullNoteText {
    private FullNoteText() {}

    static String render(DraftNote draft) {
        StringBuilder out = new StringBuilder();
        for (SoapPart part : SoapPart.values()) {
            String body = draft.render(part);
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            out.append(part.key().toUpperCase(Locale.ROOT)).append("\n\n")
                    .append(body.isEmpty() ? "(nothing documented)" : body);
        }
        return out.append('\n').toString();
    }
}
