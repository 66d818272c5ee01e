package org.chartscribe.note.llm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.NoteStream;
import org.chartscribe.note.NoteText;
import org.chartscribe.note.SoapPart;

/**
 * Reads the model's answer while it streams in (Jackson's non-blocking parser, fed token by token) and
 * sends each headed section to the {@link NoteStream} as soon as its object is complete, and the end of
 * a division when its array closes. Granularity: one delta per headed section (heading and text), not
 * per token, because a section's text is only usable once its JSON string is closed.
 *
 * <p>This is a preview: the note that counts is the one read by {@link LlmNoteJson} at the end. If the
 * answer stops being valid JSON, nothing more is sent and the final reading decides (repair or error).
 */
final class StreamedNoteJson implements Consumer<String> {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final NoteStream out;
    private final Map<SoapPart, List<String>> headings;
    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    private final String[] names = new String[8];
    private int depth;
    private boolean started;
    private boolean broken;
    private String heading;
    private String text;
    private final boolean[] hasText = new boolean[SoapPart.values().length];

    StreamedNoteJson(NoteStream out, Map<SoapPart, List<String>> headings) {
        this.out = out;
        this.headings = headings;
        try {
            this.parser = FACTORY.createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    @Override
    public void accept(String content) {
        if (broken || content == null || content.isEmpty()) {
            return;
        }
        if (!started) {
            // a model may open with a code fence or a word before the object: start at the first brace
            int brace = content.indexOf('{');
            if (brace < 0) {
                return;
            }
            content = content.substring(brace);
            started = true;
        }
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            feeder.feedInput(bytes, 0, bytes.length);
            for (JsonToken t = parser.nextToken(); t != null && t != JsonToken.NOT_AVAILABLE; t = parser.nextToken()) {
                token(t);
            }
        } catch (IOException invalid) {
            broken = true;
        }
    }

    private void token(JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT, START_ARRAY -> {
                if (++depth >= names.length) {
                    throw new IOException("nested deeper than the note schema");
                }
                names[depth] = null;
                if (t == JsonToken.START_OBJECT && depth == 4) {
                    heading = null;
                    text = null;
                }
            }
            case FIELD_NAME -> names[depth] = parser.currentName();
            case VALUE_STRING -> {
                if (depth == 4 && inSections()) {
                    if ("heading".equals(names[4])) {
                        heading = parser.getText();
                    } else if ("text".equals(names[4])) {
                        text = parser.getText();
                    }
                }
            }
            case END_OBJECT -> {
                if (depth == 4 && inSections()) {
                    section();
                }
                depth--;
            }
            case END_ARRAY -> {
                if (depth == 3 && inSections()) {
                    part().ifPresent(out::sectionDone);
                }
                depth--;
            }
            default -> { }
        }
    }

    /** depth 1: the answer; 2: "sections"; 3: a division's array; 4: one headed section. */
    private boolean inSections() {
        return "sections".equals(names[1]) && part().isPresent();
    }

    private Optional<SoapPart> part() {
        return SoapPart.fromKey(names[2]);
    }

    private void section() {
        if (heading == null || text == null) {
            return;
        }
        SoapPart part = part().orElseThrow();
        String block = NoteText.render(List.of(new NoteSection(LlmNoteEngine.canonical(heading, headings.get(part)),
                text, List.of())));
        out.section(part, (hasText[part.ordinal()] ? "\n\n" : "") + block);
        hasText[part.ordinal()] = true;
    }
}
