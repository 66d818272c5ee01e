package org.chartscribe.note;

import java.util.List;

/** Renders headed sections as the plain text a client that reads only the four strings sees. */
public final class NoteText {
    private NoteText() {}

    public static String render(List<NoteSection> sections) {
        StringBuilder out = new StringBuilder();
        for (NoteSection section : sections) {
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            out.append(section.heading()).append(":\n").append(section.text());
        }
        return out.toString();
    }
}
