package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.note.SoapPart;
import org.chartscribe.transcript.Role;
import org.junit.jupiter.api.Test;

class DanglingReferencesTest {

    private static Classified said(String text) {
        return new Classified(SoapPart.SUBJECTIVE, text, List.of(), Role.PATIENT, 0, " " + text.toLowerCase() + " ", null, 1);
    }

    private static List<String> kept(String... texts) {
        return DanglingReferences.withoutDangling(java.util.Arrays.stream(texts).map(DanglingReferencesTest::said).toList())
                .stream().map(Classified::text).toList();
    }

    @Test
    void aPronounWithNothingToPointToIsLeftOut() {
        assertThat(kept("He was at work.", "It's not getting better.")).containsExactly("He was at work.");
        assertThat(kept("The patient reports that that's what the biopsy said.")).contains("The patient reports that that's what the biopsy said.");
        assertThat(kept("The patient reports that it's still quite a problem for so long.")).isEmpty();
    }

    @Test
    void aPronounAfterTheThingItNamesStays() {
        assertThat(kept("She hurt her right knee.", "It's not getting better."))
                .containsExactly("She hurt her right knee.", "It's not getting better.");
    }

    @Test
    void aSentenceThatNamesSomethingOrDatesTheComplaintStays() {
        assertThat(kept("It's still quite itchy.")).hasSize(1);
        assertThat(kept("The patient reports that it was Saturday, about 5 days ago.")).hasSize(1);
        assertThat(kept("The knee hurts.")).hasSize(1);
    }
}
