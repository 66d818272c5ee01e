package org.chartscribe.note.llm;

import java.util.Locale;
import java.util.Optional;
import org.chartscribe.note.Evidence;

/**
 * Turns a model's verbatim quote into transcript offsets: an exact match first, then one that ignores
 * case and how whitespace is laid out (models re-flow line breaks and capitalise sentence starts).
 * A quote that matches neither way is not evidence.
 */
final class QuoteLocator {

    private final String transcript;
    private String folded;
    private int[] foldedToSource;

    QuoteLocator(String transcript) {
        this.transcript = transcript;
    }

    Optional<Evidence> locate(String quote) {
        String q = trimQuote(quote);
        if (q.isEmpty()) {
            return Optional.empty();
        }
        int at = transcript.indexOf(q);
        if (at >= 0) {
            return Optional.of(new Evidence(at, at + q.length()));
        }
        fold();
        String fq = foldText(q, null);
        if (fq.isEmpty()) {
            return Optional.empty();
        }
        int f = folded.indexOf(fq);
        if (f < 0) {
            return Optional.empty();
        }
        int start = foldedToSource[f];
        int end = foldedToSource[f + fq.length() - 1] + 1;
        return Optional.of(new Evidence(start, end));
    }

    /** Models wrap quotes in quotation marks or ellipses that are not in the transcript. */
    private static String trimQuote(String quote) {
        String q = quote == null ? "" : quote.strip();
        while (!q.isEmpty() && "\"'“”‘’…".indexOf(q.charAt(0)) >= 0) {
            q = q.substring(1).strip();
        }
        while (!q.isEmpty() && "\"'“”‘’…".indexOf(q.charAt(q.length() - 1)) >= 0) {
            q = q.substring(0, q.length() - 1).strip();
        }
        if (q.startsWith("...")) {
            q = q.substring(3).strip();
        }
        if (q.endsWith("...")) {
            q = q.substring(0, q.length() - 3).strip();
        }
        return q;
    }

    private void fold() {
        if (folded == null) {
            foldedToSource = new int[transcript.length()];
            folded = foldText(transcript, foldedToSource);
        }
    }

    /** Lower case, each whitespace run one space, no leading space; {@code map} gets each kept char's source index. */
    private static String foldText(String text, int[] map) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = sb.length() > 0;
                continue;
            }
            if (pendingSpace) {
                if (map != null) {
                    map[sb.length()] = i - 1;
                }
                sb.append(' ');
                pendingSpace = false;
            }
            if (map != null) {
                map[sb.length()] = i;
            }
            // per char, so folded and source stay the same length char for char (no locale expansions)
            sb.append(String.valueOf(c).toLowerCase(Locale.ROOT).charAt(0));
        }
        return sb.toString();
    }
}
