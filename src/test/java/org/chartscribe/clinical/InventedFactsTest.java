package org.chartscribe.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.clinical.InventedFacts.Kind;
import org.junit.jupiter.api.Test;

class InventedFactsTest {

    private static List<Kind> kinds(String transcript, String note) {
        return InventedFacts.find(transcript, note).stream().map(InventedFacts.Fact::kind).toList();
    }

    @Test
    void numbersFromTheTranscriptAreSupported() {
        assertThat(kinds("BP today is 140/90 and you weigh 1,000 grams", "BP 140/90. Weight 1000 g.")).isEmpty();
    }

    @Test
    void sameQuantityWrittenDifferentlyIsOneNumber() {
        assertThat(kinds("take 5.0 units", "5 units")).isEmpty();
        assertThat(kinds("0.50 mg", "0.5 mg")).isEmpty();
    }

    @Test
    void aGroupedNumberAfterAnEllipsisIsStillOneNumber() {
        // found by EmbeddedEngineFuzzTest: the note collapses the dots and writes the number on its own
        assertThat(kinds("It was about......1,000 steps a day", "About 1,000 steps a day.")).isEmpty();
        assertThat(kinds("about......1,000 mg", "1,000 mg")).isEmpty();
    }

    @Test
    void aGroupIsNotReadInsideADecimal() {
        assertThat(kinds("the value was 2.1,000 or so", "1,000")).containsExactly(Kind.NUMBER);
    }

    @Test
    void newNumberIsInvented() {
        String note = "Heart rate 88.";
        List<InventedFacts.Fact> facts = InventedFacts.find("heart rate is 72", note);
        assertThat(facts).hasSize(1);
        assertThat(note.substring(facts.get(0).start(), facts.get(0).end())).isEqualTo("88");
    }

    @Test
    void knownNumberWithANewUnitIsAnInventedDose() {
        // 20 was said (years), 20 mg was not
        assertThat(kinds("I have had diabetes for 20 years, on metformin", "Metformin 20 mg daily")).containsExactly(Kind.DOSE);
        assertThat(kinds("lisinopril 20 milligrams", "lisinopril 20 mg")).isEmpty();
    }

    @Test
    void lateralityMustBeSaid() {
        assertThat(kinds("my left knee hurts", "Left knee pain.")).isEmpty();
        assertThat(kinds("my knee hurts", "Right knee pain.")).containsExactly(Kind.LATERALITY);
        assertThat(kinds("both sides hurt", "Bilateral pain.")).isEmpty();
        assertThat(kinds("left hip and right hip", "bilateral hip pain")).isEmpty();
        assertThat(kinds("left hip", "bilateral hip pain")).containsExactly(Kind.LATERALITY);
    }

    @Test
    void wordsContainingSidesAreNotLaterality() {
        assertThat(kinds("nothing", "Alright: upright posture, bright light, righteous.")).isEmpty();
    }

    @Test
    void spokenNumbersSupportDigits() {
        assertThat(kinds("blood pressure one forty over ninety, temp ninety eight point six", "BP 140/90, T 98.6")).isEmpty();
        assertThat(kinds("lisinopril twenty milligrams", "lisinopril 20 mg")).isEmpty();
    }

    @Test
    void drugsMustBeNamedInTheTranscriptUnderAnyName() {
        assertThat(kinds("I take Advil for it", "Ibuprofen as needed.")).isEmpty();
        assertThat(kinds("I take Advil for it", "Naproxen as needed.")).containsExactly(Kind.DRUG);
        assertThat(kinds("no medications", "Continue Lipitor.")).containsExactly(Kind.DRUG);
    }

    @Test
    void emptyNoteHasNoFacts() {
        assertThat(InventedFacts.count("anything 5 mg", "")).isZero();
    }
}
