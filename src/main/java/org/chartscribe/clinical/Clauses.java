package org.chartscribe.clinical;

import java.util.ArrayList;
import java.util.List;

/**
 * Sentence spans of a text: a break after '.', '?', '!' or ';' followed by a space or the end (so
 * "98.6" stays whole), and at every line break (transcript turns are lines).
 */
final class Clauses {

    record Span(int start, int end) {
        boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    private Clauses() {}

    static List<Span> of(String text) {
        List<Span> spans = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = c == '\n' || c == '\r'
                    || ((c == '.' || c == '?' || c == '!' || c == ';')
                    && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))));
            if (end) {
                add(spans, text, start, i + 1);
                start = i + 1;
            }
        }
        add(spans, text, start, text.length());
        return spans;
    }

    static Span containing(List<Span> spans, int offset) {
        for (Span s : spans) {
            if (s.contains(offset)) {
                return s;
            }
        }
        return new Span(offset, offset);
    }

    private static void add(List<Span> spans, String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (to > from) {
            spans.add(new Span(from, to));
        }
    }
}
