package org.chartscribe.note;

import java.util.List;

/**
 * Renders headed sections as the plain text a client that reads only the four strings sees. A section
 * without a heading is text the clinician edited, which already holds its headings as lines: it is
 * rendered as is, so they are not written twice.
 */
public final class NoteText {
    private NoteText() {}

    public static String render(List<NoteSection> sections) {
        StringBuilder out = new StringBuilder();
        for (NoteSection section : sections) {
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            if (section.heading() == null || section.heading().isBlank()) {
                out.append(section.text());
            } else {
                out.append(section.heading()).append(":\n").append(section.text());
            }
        }
        return out.toString();
    }
}
