package org.chartscribe.note.embedded;

import java.util.List;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.SoapPart;
import org.chartscribe.transcript.Role;

/**
 * A sentence (or a folded question and answer) the engine keeps: its division, note-style text,
 * evidence spans, and what the heading chooser and templates need to know about it.
 *
 * @param order         position in the transcript, so sections keep the spoken order
 * @param lookup        the cue-matching form of the source text
 * @param headingHint   a heading keyword forced by a dictated label or by folding, or null
 * @param informativeness how much clinical content it carries (for brief notes)
 */
record Classified(SoapPart part, String text, List<Evidence> evidence, Role speaker, int order, String lookup,
                  String headingHint, double informativeness) {
    Classified {
        evidence = List.copyOf(evidence);
    }

    /** Redacted: the text and lookup are the encounter's. */
    @Override
    public String toString() {
        return "Classified[part=" + part + ", text=<" + text.length() + " chars>, speaker=" + speaker + ", order="
                + order + "]";
    }
}
