package org.chartscribe.note.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chartscribe.note.NoteStream;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Template;
import org.junit.jupiter.api.Test;

class StreamedNoteJsonTest {

    private final List<String> events = new ArrayList<>();
    private final NoteStream recorder = new NoteStream() {
        @Override
        public void section(SoapPart part, String delta) {
            events.add(part.key() + ":" + delta);
        }

        @Override
        public void sectionDone(SoapPart part) {
            events.add(part.key() + ":done");
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    private StreamedNoteJson reader() {
        return new StreamedNoteJson(recorder, PromptLibrary.headings(Specialties.byId("nurse_practitioner").orElseThrow(),
                Template.STANDARD));
    }

    private static void feedInPieces(StreamedNoteJson reader, String answer, int size) {
        for (int i = 0; i < answer.length(); i += size) {
            reader.accept(answer.substring(i, Math.min(answer.length(), i + size)));
        }
    }

    @Test
    void eachHeadedSectionIsSentWhenItsObjectClosesAndEachDivisionWhenItsArrayCloses() {
        String answer = ModelAnswers.answer(new java.util.LinkedHashMap<>(Map.of(
                "subjective", List.of(Map.of("heading", "chief complaint:", "text", "Back pain \u00e9 \"three\" weeks.",
                        "evidence", List.of("my back"))),
                "objective", List.of()
        )), List.of());
        StreamedNoteJson reader = reader();
        feedInPieces(reader, answer, 3);

        assertThat(events).contains("subjective:Chief Complaint:\nBack pain \u00e9 \"three\" weeks.", "subjective:done",
                "objective:done");
        assertThat(events.indexOf("subjective:done")).isGreaterThan(0);
    }

    @Test
    void sectionsOfOneDivisionAreSeparatedAsTheRenderedTextSeparatesThem() {
        StreamedNoteJson reader = reader();
        feedInPieces(reader, ModelAnswers.lowBackPain(), 7);
        List<String> subjective = events.stream().filter(e -> e.startsWith("subjective:") && !e.endsWith(":done")).toList();
        assertThat(subjective.size()).isGreaterThan(1);
        assertThat(subjective.get(0)).doesNotStartWith("subjective:\n");
        assertThat(subjective.get(1)).startsWith("subjective:\n\n");
        assertThat(events.stream().filter(e -> e.endsWith(":done")))
                .containsExactly("subjective:done", "objective:done", "assessment:done", "plan:done");
    }

    @Test
    void aCodeFenceBeforeTheObjectIsSkippedAndBrokenJsonStopsThePreviewQuietly() {
        StreamedNoteJson fenced = reader();
        feedInPieces(fenced, "```json\n" + ModelAnswers.lowBackPain() + "\n```", 5);
        assertThat(events).contains("plan:done");

        events.clear();
        StreamedNoteJson broken = reader();
        feedInPieces(broken, "{\"sections\": {\"subjective\": [{\"heading\": \"A\", \"text\": \"B\"}] ]] "
                + ModelAnswers.lowBackPain(), 4);
        assertThat(events).containsExactly("subjective:A:\nB", "subjective:done");
    }
}
