package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.chartscribe.transcript.Transcript;
import org.chartscribe.transcript.TranscriptParser;
import org.chartscribe.transcript.Turn;
import org.junit.jupiter.api.Test;

class QuestionAnswerPolarityTest {

    /** The folded fact for a two-turn exchange, or empty. */
    private static Optional<String> fold(String exchange) {
        Transcript t = TranscriptParser.parse(exchange);
        List<Turn> turns = t.turns();
        Turn question = turns.get(0);
        return QuestionFolding.fold(question.sentences().get(question.sentences().size() - 1), turns.get(1), 1,
                Pronouns.HE, t.source()).map(Classified::text);
    }

    @Test
    void aNoWithMoreWordsStillDenies() {
        assertThat(fold("[doctor] any numbness or tingling?\n[patient] no, not really.")).contains("Denies numbness or tingling.");
        assertThat(fold("[doctor] any nausea or vomiting?\n[patient] nope, none of that.")).contains("Denies nausea or vomiting.");
        assertThat(fold("[doctor] any fevers?\n[patient] no, i haven't noticed any.")).contains("Denies fevers.");
    }

    @Test
    void aQualifiedYesKeepsItsQualifier() {
        assertThat(fold("[doctor] any swelling?\n[patient] yes, a little.")).contains("Reports mild swelling.");
        assertThat(fold("[doctor] any headaches?\n[patient] sometimes.")).contains("Reports occasional headaches.");
        assertThat(fold("[doctor] any dizziness?\n[patient] yeah, i do.")).contains("Reports dizziness.");
    }

    @Test
    void uncertaintyOrAHedgeFoldsNothing() {
        assertThat(fold("[doctor] any chest pain?\n[patient] i don't know.")).isEmpty();
        assertThat(fold("[doctor] any chest pain?\n[patient] maybe, i'm not sure.")).isEmpty();
        assertThat(fold("[doctor] any shortness of breath?\n[patient] no. well, sometimes when i climb stairs.")).isEmpty();
        assertThat(fold("[doctor] any rash?\n[patient] no, but my wife has one.")).isEmpty();
    }

    @Test
    void doesItHurtWhenYouIsAFactAboutThePain() {
        assertThat(fold("[doctor] does it hurt when you walk?\n[patient] yes.")).contains("Reports pain with walking.");
        assertThat(fold("[doctor] does it hurt when you climb stairs?\n[patient] no, not really."))
                .contains("Denies pain with climbing stairs.");
        assertThat(fold("[doctor] does it hurt when you think about work?\n[patient] yes.")).isEmpty();
    }

    @Test
    void aCompanionsAnswerIsAttributedNotChartedAsThePatients() {
        assertThat(fold("Doctor: any fevers at home?\nWife: no, none.")).contains("Per his wife, no fevers at home.");
        assertThat(fold("[doctor] any vomiting?\n[guest_family] yes.")).contains("Per family, positive for vomiting.");
    }

    @Test
    void anAnswerDuringTheExamIsNotHistory() {
        String t = """
                [doctor] any numbness in your fingers?
                [patient] no.
                [doctor] let me examine your wrist now.
                [doctor] does it hurt when you bend it?
                [patient] yes.
                """;
        List<String> subjective = SentenceClassifier.classify(TranscriptParser.parse(t)).stream()
                .filter(c -> c.part() == org.chartscribe.note.SoapPart.SUBJECTIVE).map(Classified::text).toList();
        assertThat(subjective).contains("Denies numbness in their fingers.");
        assertThat(subjective).noneMatch(s -> s.contains("bending"));
    }
}
