package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.note.SoapPart;
import org.chartscribe.transcript.Role;
import org.junit.jupiter.api.Test;

class RepeatsTest {

    private static Classified item(SoapPart part, String text, int order) {
        return new Classified(part, text, List.of(), Role.PATIENT, order, text.toLowerCase(), null, 1.0);
    }

    @Test
    void aSentenceContainedInALongerOneOfItsDivisionIsLeftOut() {
        List<Classified> kept = Repeats.withoutRepeats(List.of(
                item(SoapPart.SUBJECTIVE, "She had chills last night and it is hard to swallow.", 1),
                item(SoapPart.SUBJECTIVE, "It is hard to swallow.", 2),
                item(SoapPart.SUBJECTIVE, "She works as a cashier.", 3)));
        assertThat(kept).extracting(Classified::text)
                .containsExactly("She had chills last night and it is hard to swallow.", "She works as a cashier.");
    }

    @Test
    void theFirstOfTwoEqualSentencesStaysAndOtherDivisionsAreNotCompared() {
        List<Classified> kept = Repeats.withoutRepeats(List.of(
                item(SoapPart.PLAN, "Order an echocardiogram.", 1),
                item(SoapPart.PLAN, "Order an echocardiogram!", 2),
                item(SoapPart.OBJECTIVE, "Echocardiogram.", 3)));
        assertThat(kept).extracting(Classified::order).containsExactly(1, 3);
    }

    @Test
    void wordsInsideLongerWordsAreNotARepeat() {
        List<Classified> kept = Repeats.withoutRepeats(List.of(
                item(SoapPart.SUBJECTIVE, "Pain in the hand.", 1),
                item(SoapPart.SUBJECTIVE, "Pain in the handle of the cart.", 2)));
        assertThat(kept).hasSize(2);
    }
}
