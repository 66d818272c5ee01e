package org.chartscribe.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.coding.AssessmentStatements.Place;
import org.chartscribe.coding.AssessmentStatements.Statement;
import org.junit.jupiter.api.Test;

class DialogueAssessmentTest {

    private static List<String> windows(String sentence) {
        return DialogueAssessment.problemWindows(sentence).stream().map(w -> sentence.substring(w[0], w[1]).strip()).toList();
    }

    @Test
    void problemCuesOpenAWindowToTheNextCue() {
        assertThat(windows("from a diabetes standpoint , let's increase the metformin")).containsExactly("diabetes");
        List<String> two = windows("for your first problem , your gout , and for your next problem , your reflux");
        assertThat(two).anyMatch(w -> w.contains("gout")).anyMatch(w -> w.contains("reflux"))
                .noneMatch(w -> w.contains("gout") && w.contains("reflux"));
        assertThat(windows("in regards to your back pain we'll start physical therapy"))
                .containsExactly("back pain we'll start physical therapy");
        assertThat(windows("for your medical history , you had a stroke")).as("a history recap is not a problem").isEmpty();
    }

    @Test
    void aVerbAfterYouHaveIsNotADiagnosis() {
        assertThat(DialogueAssessment.statements("[doctor] you have completed your covid vaccine series .\n")).isEmpty();
        assertThat(DialogueAssessment.statements("[doctor] you have gout in that toe .\n")).hasSize(1);
        assertThat(DialogueAssessment.statements("[doctor] do you have asthma .\n")).isEmpty();
    }

    @Test
    void tagQuestionsAreStatements() {
        assertThat(DialogueAssessment.isQuestion("any fever or chills ?")).isTrue();
        assertThat(DialogueAssessment.isQuestion("your asthma is stable , okay ?")).isFalse();
        assertThat(DialogueAssessment.isQuestion("we'll start lasix , does that sound good ?")).isFalse();
    }

    @Test
    void placesFollowWhereAndHowTheClinicianSpeaks() {
        String transcript = """
                [doctor] you're here today for your annual exam .
                [patient] yes .
                [doctor] you have a history of hypothyroidism .
                [doctor] your mom has diabetes .
                [doctor] okay , let's talk about my assessment and plan .
                [doctor] for your knee pain , ice it .
                """;
        List<Statement> statements = DialogueAssessment.statements(transcript);
        assertThat(statements).extracting(Statement::place).containsExactly(Place.REASON, Place.HISTORY, Place.BODY,
                Place.HEADING, Place.BODY);
        for (Statement s : statements) {
            assertThat(transcript.substring(s.offset(), s.offset() + s.text().length())).isEqualTo(s.text());
        }
        assertThat(statements).noneMatch(s -> s.text().contains("mom"));
    }
}
