package org.chartscribe.note;

import java.util.List;

/** One headed block of a SOAP division, e.g. "History of Present Illness", with its evidence. */
public record NoteSection(String heading, String text, List<Evidence> evidence) {
    public NoteSection {
        evidence = List.copyOf(evidence);
    }

    /** Redacted: the text is PHI. */
    @Override
    public String toString() {
        return "NoteSection[heading=" + heading + ", text=<" + text.length() + " chars>, evidence=" + evidence.size() + "]";
    }
}
