package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.SoapPart;
import org.chartscribe.transcript.Role;
import org.junit.jupiter.api.Test;

/** One results line per test, and no reading an image cannot have. */
class ResultsListTest {

    private static Classified line(String text, int at) {
        return new Classified(SoapPart.OBJECTIVE, text, List.of(new Evidence(at, at + 10)), Role.CLINICIAN, at,
                text.toLowerCase(), "results", 1.0);
    }

    private static List<String> texts(String... lines) {
        List<Classified> in = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            in.add(line(lines[i], i * 100));
        }
        return ResultsList.consolidated(in).stream().map(Classified::text).toList();
    }

    @Test
    void aValueAndItsLevelSaidApartAreOneLine() {
        assertThat(texts("Total cholesterol: elevated.", "Total cholesterol: 222.", "HDL: 44."))
                .containsExactly("Total cholesterol: 222 (elevated).", "HDL: 44.");
    }

    @Test
    void aReadingInsideAFullerOneAndAContradictedFindingAreLeftOut() {
        assertThat(texts("Back x-ray: normal.", "Back x-ray: normal alignment.")).containsExactly("Back x-ray: normal alignment.");
        assertThat(texts("X-ray: fracture.", "X-ray: no fracture.")).containsExactly("X-ray: no fracture.");
    }

    @Test
    void anImageNeverHasALabsValueAndTwoValuesInTimeStayApart() {
        assertThat(texts("X-ray: 6421.", "X-ray: low.", "Sentence said as is.")).containsExactly("Sentence said as is.");
        assertThat(texts("Hemoglobin A1c: 5.5.", "Hemoglobin A1c: 5.1.")).containsExactly("Hemoglobin A1c: 5.5.",
                "Hemoglobin A1c: 5.1.");
    }
}
