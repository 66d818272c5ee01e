package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Template;
import org.chartscribe.transcript.TranscriptParser;
import org.junit.jupiter.api.Test;

/** Results read from what the clinician says while reviewing a test; dialogues written for these tests. */
class ResultReadingsTest {

    private static List<String> lines(String transcript) {
        return ResultReadings.of(EncounterFacts.of(TranscriptParser.parse(transcript))).stream()
                .map(ResultReadings.Reading::line).toList();
    }

    private static String results(String transcript) {
        DraftNote note = new EmbeddedNoteEngine().generate(new NoteRequest(transcript, Specialties.generic(),
                Template.STANDARD, false, null));
        return note.sections().get(SoapPart.OBJECTIVE).stream().filter(s -> s.heading().equals("Results"))
                .map(NoteSection::text).collect(Collectors.joining(" "));
    }

    @Test
    void aReadingSaidInTheNextBreathBelongsToTheTestShown() {
        String visit = """
                [doctor] hey computer, show me the potassium. we checked it this morning.
                [doctor] it is up slightly, which might explain the cramps.
                """;
        assertThat(lines(visit)).containsExactly("Potassium: elevated.");
    }

    @Test
    void anImageMayShowSeveralFindingsOverSeveralSentences() {
        String visit = """
                [doctor] let's look at the echocardiogram from march.
                [doctor] it shows that the pumping function of, of your heart is about 40 %.
                [doctor] and it also shows some mild-to-moderate aortic stenosis.
                [patient] okay.
                """;
        assertThat(lines(visit)).containsExactly("Echocardiogram: EF 40%.",
                "Echocardiogram: mild-to-moderate aortic stenosis.");
    }

    @Test
    void aStudysSiteIsReadWithItsNameNotFromItsFindings() {
        assertThat(lines("[doctor] i reviewed the x-rays of your left shoulder which show no fractures or dislocation so that's good"))
                .containsExactly("Left shoulder x-ray: no fracture, no dislocation.");
        assertThat(lines("[doctor] the x-ray shows a possible kidney stone ."))
                .containsExactly("X-ray: possible stone.");
    }

    @Test
    void aNegationSaidInEverydayWordsIsKept() {
        assertThat(lines("[doctor] looking at the x-ray of your wrist , it looks like you do n't have any fracture ."))
                .containsExactly("Wrist x-ray: no fracture.");
    }

    @Test
    void aTestStillToBeDoneOrReadLongAgoIsNoResult() {
        assertThat(lines("[doctor] we'll get an x-ray of your ankle to look for a fracture .")).isEmpty();
        assertThat(lines("[doctor] i want to order a ct scan , which could show a stone .")).isEmpty();
        assertThat(lines("[doctor] your a1c numbers were borderline in the past .")).isEmpty();
        assertThat(lines("[doctor] was your potassium low last time ?")).isEmpty();
    }

    @Test
    void anImageIsNeverGivenALabsNumberOrLevel() {
        assertThat(lines("[doctor] the x-rays , three views of the knee , show high grade changes .")).isEmpty();
    }

    @Test
    void readingsInWordsAreChartedAsLevels() {
        assertThat(lines("[doctor] your vitamin d level was at the high end of normal .")).containsExactly("Vitamin d level: normal.");
        assertThat(lines("[doctor] your sugars are running higher than normal .")).containsExactly("Glucose: elevated.");
        assertThat(lines("[doctor] the non-hdl was about 160 .")).containsExactly("Non-HDL cholesterol: 160.");
    }

    @Test
    void genericLabsSayWhichTestOnlyWhenAllWereNormal() {
        assertThat(lines("[doctor] your labs came back normal .")).containsExactly("Blood work: normal.");
        assertThat(lines("[doctor] your lab work came back positive for the antibody .")).isEmpty();
    }

    @Test
    void aSubstantialReplyEndsTheTestBeingSpokenOf() {
        String visit = """
                [doctor] hey computer, show me the chest x-ray.
                [patient] i had that done at the other hospital last week before my trip.
                [doctor] you have no pain there now?
                [doctor] there is a small effusion in the left knee on exam.
                """;
        assertThat(lines(visit)).isEmpty();
    }

    @Test
    void readResultsReachTheResultsSectionOnceEvenWhenTheSentenceWentElsewhere() {
        String visit = """
                [doctor] how is the back pain?
                [patient] it is worse in the mornings.
                [doctor] hey computer, show me the creatinine. we drew it because i was worried about your kidneys.
                [doctor] it is up slightly, which might mean you are a little dry.
                [doctor] and the x-ray of your lower back shows no fracture.
                [doctor] i think this is a lumbar strain. we will start physical therapy.
                """;
        String results = results(visit);
        assertThat(results).contains("Creatinine: elevated.").contains("Lower back x-ray: no fracture.");
        assertThat(results.split("Creatinine", -1)).hasSize(2);
    }
}
