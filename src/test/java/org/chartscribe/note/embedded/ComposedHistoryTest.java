package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Template;
import org.junit.jupiter.api.Test;

class ComposedHistoryTest {

    private static final String KNEE = """
            [doctor] hi there. tell me what's going on.
            [patient] so my right knee has been really hurting for two days. i fell on the ice.
            [doctor] oh no. how would you rate the pain out of ten?
            [patient] like a seven.
            [patient] the knee pain gets worse when i walk and when i go up stairs.
            [doctor] have you taken anything for it?
            [patient] i took ibuprofen but it didn't help much.
            [doctor] any numbness or tingling in your leg?
            [patient] no, not really.
            [doctor] okay, let me examine your knee.
            [patient] ouch, that hurts.
            [doctor] there is swelling over the right knee with tenderness at the medial joint line.
            [doctor] this is most likely a right knee sprain. we'll get an x-ray of the right knee.
            """;

    private static DraftNote note(Template template) {
        return new EmbeddedNoteEngine().generate(new NoteRequest(KNEE, Specialties.generic(), template, false, null));
    }

    @Test
    void theHistoryOpensWithTheComplaintItsSideDurationAndMechanism() {
        String hpi = EmbeddedNoteEngineTest.headingText(note(Template.STANDARD), SoapPart.SUBJECTIVE, "History of Present Illness");
        assertThat(hpi).startsWith("the patient presents with right knee pain for 2 days after a fall.");
        assertThat(hpi).contains("the pain is rated 7 out of 10.");
        assertThat(hpi).contains("worse with walking and climbing stairs.");
        assertThat(hpi).contains("tried ibuprofen without relief.");
    }

    @Test
    void theComplaintIsTheChiefComplaintAndNegativesAreReviewOfSystems() {
        DraftNote note = note(Template.STANDARD);
        assertThat(EmbeddedNoteEngineTest.headingText(note, SoapPart.SUBJECTIVE, "Chief Complaint")).isEqualTo("right knee pain.");
        assertThat(EmbeddedNoteEngineTest.headingText(note, SoapPart.SUBJECTIVE, "Review of Systems"))
                .contains("denies numbness or tingling");
    }

    @Test
    void spokenSentencesWhoseFactsWereChartedAndExamAnswersStayOut() {
        DraftNote note = note(Template.STANDARD);
        String subjective = note.sections(SoapPart.SUBJECTIVE).stream().map(NoteSection::text)
                .reduce("", String::concat).toLowerCase(java.util.Locale.ROOT);
        assertThat(subjective).doesNotContain("ouch").doesNotContain("that hurts").doesNotContain("i fell")
                .doesNotContain("go up stairs");
        EmbeddedNoteEngineTest.assertGroundedAndValid(KNEE, note);
    }

    @Test
    void everyComposedSentencePointsAtTheWordsItCameFrom() {
        NoteSection hpi = note(Template.STANDARD).sections(SoapPart.SUBJECTIVE).stream()
                .filter(s -> s.heading().equals("History of Present Illness")).findFirst().orElseThrow();
        assertThat(hpi.evidence()).anySatisfy(e -> assertThat(KNEE.substring(e.start(), e.end())).contains("two days"));
        assertThat(hpi.evidence()).anySatisfy(e -> assertThat(KNEE.substring(e.start(), e.end())).contains("fell"));
    }

    @Test
    void aBriefNoteKeepsTheOpeningSentence() {
        assertThat(EmbeddedNoteEngineTest.headingText(note(Template.BRIEF), SoapPart.SUBJECTIVE, "History of Present Illness"))
                .startsWith("the patient presents with right knee pain");
    }

    @Test
    void aSpokenSentenceStaysBesideComposedFactsOnlyIfItReadsAsCharted() {
        assertThat(ComposedHistory.readsAsCharted("The pain is worse at the end of the day.")).isTrue();
        // speech that restarts mid-sentence, a resolved "it" that says nothing, two turns run together
        assertThat(ComposedHistory.readsAsCharted("The patient loves the they love spicy food.")).isFalse();
        assertThat(ComposedHistory.readsAsCharted("The patient doesn't that's the thing they don't remember.")).isFalse();
        assertThat(ComposedHistory.readsAsCharted("The pain hurts.")).isFalse();
        assertThat(ComposedHistory.readsAsCharted("The patient walks to work every day and then goes to the gym after "
                + "work and then comes home and cooks dinner for the family and then goes to bed early at night")).isFalse();
    }

    @Test
    void aRemedyChartedAsTriedIsNotAlsoListedAsAMedication() {
        String visit = KNEE.replace("[doctor] have you taken anything for it?\n[patient] i took ibuprofen but it didn't help much.",
                "[doctor] and what have you taken for the pain?\n[patient] ibuprofen, but it really does n't seem to help.");
        assertThat(visit).isNotEqualTo(KNEE);
        DraftNote note = new EmbeddedNoteEngine().generate(new NoteRequest(visit, Specialties.generic(), Template.STANDARD,
                false, null));
        String subjective = note.sections().get(SoapPart.SUBJECTIVE).stream().map(NoteSection::text)
                .reduce("", (a, b) -> a + " " + b).toLowerCase();
        assertThat(subjective).contains("tried ibuprofen without relief.").doesNotContain("seem to help");
    }
}
