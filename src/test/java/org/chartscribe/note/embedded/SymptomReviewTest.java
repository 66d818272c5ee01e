package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.transcript.TranscriptParser;
import org.junit.jupiter.api.Test;

/** The review of systems read one symptom at a time from questions and answers; dialogues written for these tests. */
class SymptomReviewTest {

    private static List<String> review(String transcript) {
        EncounterFacts facts = EncounterFacts.of(TranscriptParser.parse(transcript));
        return SymptomReview.withReview(List.of(), facts, transcript.length()).stream().map(Classified::text).toList();
    }

    @Test
    void aPlainNoDeniesEverySymptomAskedAndANamedOneTakesItsOwnPolarity() {
        String visit = """
                [doctor] how about any abdominal pain? fever, chills?
                [patient] uh, none of that.
                [doctor] any nausea or vomiting?
                [patient] no vomiting. i do have nausea in the mornings.
                """;
        assertThat(review(visit)).containsExactly("Reports nausea.", "Denies abdominal pain, fever, chills, and vomiting.");
    }

    @Test
    void aHedgedOrWishedSymptomAndAnUnclearAnswerChartNothing() {
        assertThat(review("""
                [doctor] any weight loss or night sweats?
                [patient] i wish i had some weight loss, honestly.
                """)).isEmpty();
        assertThat(review("""
                [doctor] any nausea or vomiting?
                [patient] maybe a bit of nausea.
                """)).isEmpty();
        assertThat(review("""
                [doctor] any chest pain or shortness of breath?
                [patient] yes.
                """)).isEmpty(); // a yes to two symptoms does not say which
        assertThat(review("""
                [doctor] do you remember having any heartburn at the time?
                [patient] uh, maybe. i do n't think i've ever had heartburn, so i'm not sure what it feels like.
                """)).isEmpty();
    }

    @Test
    void aBareYesAnswersAQuestionAboutOneSymptom() {
        assertThat(review("""
                [doctor] have you noticed any dizziness?
                [patient] yes, i have.
                """)).containsExactly("Reports dizziness.");
        assertThat(review("""
                [doctor] any fever?
                [patient] i have some body aches because of the back.
                """)).isEmpty(); // an answer about something else is no yes
    }

    @Test
    void aSymptomTheVisitIsAboutIsNeverDeniedAndFamilyQuestionsAreNotThePatients() {
        assertThat(review("""
                [doctor] she is here today with complaints of a cough.
                [doctor] cough ... i mean, like a tickle in the throat?
                [patient] no.
                """)).isEmpty();
        assertThat(review("""
                [doctor] does anyone in your family have seizures?
                [patient] no.
                """)).isEmpty();
    }
}
