package org.chartscribe.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptParserTest {

    private static void assertOffsetsExact(Transcript t) {
        for (Turn turn : t.turns()) {
            assertThat(turn.start()).isBetween(0, t.source().length());
            assertThat(turn.end()).isBetween(turn.start(), t.source().length());
            for (Sentence s : turn.sentences()) {
                assertThat(t.source().substring(s.start(), s.end())).isEqualTo(s.text());
                assertThat(s.speaker()).isEqualTo(turn.role());
            }
        }
    }

    @Test
    void unpunctuatedSpeechIsSplitAtDiscourseMarkers() {
        String text = "[doctor] alright so your blood pressure looked good today i think your knee pain is from "
                + "overuse i want you to ice it twice a day and we'll see you back in two weeks";
        Transcript t = TranscriptParser.parse(text);

        assertThat(t.turns().get(0).sentences()).extracting(Sentence::text).containsExactly(
                "alright so your blood pressure looked good today", "i think your knee pain is from overuse",
                "i want you to ice it twice a day and", "we'll see you back in two weeks");
        assertOffsetsExact(t);
    }

    @Test
    void anUnpunctuatedExamIsSplitAtEachBodySystem() {
        String text = "[doctor] on nasal examination there is swelling of the turbinates with clear discharge "
                + "on throat examination the tonsils are enlarged with exudate on your neck exam there is a tender "
                + "lymph node on the left";
        Transcript t = TranscriptParser.parse(text);

        assertThat(t.turns().get(0).sentences()).extracting(Sentence::text).containsExactly(
                "on nasal examination there is swelling of the turbinates with clear discharge",
                "on throat examination the tonsils are enlarged with exudate",
                "on your neck exam there is a tender lymph node on the left");
        assertOffsetsExact(t);
    }

    @Test
    void colonLabelsInAnyCaseBecomeTurnsWithRoles() {
        String text = "Doctor: Good morning. What brings you in?\nPATIENT: My knee hurts. It started Monday.\n"
                + "dr.: Any swelling?\nDr. Smith: Let me look.\nNurse: BP is 120/80.\nGuest_family: She fell.\n"
                + "Mother: He has a fever.\nclinician: Noted.\nProvider: Okay.\nGuest_clinician: Agreed.";
        Transcript t = TranscriptParser.parse(text);

        assertThat(t.dictation()).isFalse();
        assertThat(t.turns()).extracting(Turn::role).containsExactly(
                Role.CLINICIAN, Role.PATIENT, Role.CLINICIAN, Role.CLINICIAN, Role.CLINICIAN, Role.OTHER, Role.OTHER,
                Role.CLINICIAN, Role.CLINICIAN, Role.CLINICIAN);
        assertThat(t.turns().get(1).sentences()).extracting(Sentence::text)
                .containsExactly("My knee hurts.", "It started Monday.");
        assertOffsetsExact(t);
    }

    @Test
    void bracketLabelsWithAciSpacing() {
        String text = "[doctor] hi , martha . how are you ?\n[patient] i'm okay . my back hurts , um , a lot .\n"
                + "[doctor] okay .";
        Transcript t = TranscriptParser.parse(text);

        assertThat(t.turns()).extracting(Turn::role).containsExactly(Role.CLINICIAN, Role.PATIENT, Role.CLINICIAN);
        assertThat(t.turns().get(0).sentences()).extracting(Sentence::text)
                .containsExactly("hi , martha .", "how are you ?");
        assertThat(t.turns().get(1).sentences()).extracting(Sentence::text)
                .containsExactly("i'm okay .", "my back hurts , um , a lot .");
        assertOffsetsExact(t);
    }

    @Test
    void noLabelsIsDictationBySingleClinician() {
        String text = "Patient is a 38-year-old female. Assessment: hypertension.\nPlan: continue lisinopril.";
        Transcript t = TranscriptParser.parse(text);

        assertThat(t.dictation()).isTrue();
        assertThat(t.turns()).hasSize(1);
        assertThat(t.turns().get(0).role()).isEqualTo(Role.CLINICIAN);
        assertThat(t.sentences()).extracting(Sentence::text).containsExactly(
                "Patient is a 38-year-old female.", "Assessment: hypertension.", "Plan: continue lisinopril.");
        assertOffsetsExact(t);
    }

    @Test
    void noteHeadingsAreNotSpeakerLabels() {
        Transcript t = TranscriptParser.parse("Patient Education: avoid lifting.\nFamily History: diabetes.");
        assertThat(t.dictation()).isTrue();
    }

    @Test
    void abbreviationsDecimalsAndEllipsesDoNotEndSentences() {
        String text = "Dr. Jones saw her e.g. last week. Take 2.5 mg. Then rest! Did it help? It was... "
                + "fine. Take 10 mg. daily with food.";
        List<Sentence> sentences = TranscriptParser.parse(text).sentences();

        assertThat(sentences).extracting(Sentence::text).containsExactly(
                "Dr. Jones saw her e.g. last week.", "Take 2.5 mg.", "Then rest!", "Did it help?",
                "It was... fine.", "Take 10 mg. daily with food.");
    }

    @Test
    void inlineLabelsAfterSentenceEnd() {
        Transcript t = TranscriptParser.parse("Doctor: How is the cough? Patient: Better. Doctor: Good.");
        assertThat(t.turns()).extracting(Turn::role).containsExactly(Role.CLINICIAN, Role.PATIENT, Role.CLINICIAN);
        assertOffsetsExact(t);
    }

    @Test
    void textBeforeTheFirstLabelIsAnUnknownTurn() {
        Transcript t = TranscriptParser.parse("Visit 3\nDoctor: Hello there.");
        assertThat(t.turns()).extracting(Turn::role).containsExactly(Role.UNKNOWN, Role.CLINICIAN);
    }

    @Test
    void smallTalkAndAnswers() {
        assertThat(SmallTalk.isSmallTalk("hi , how are you doing today ?")).isTrue();
        assertThat(SmallTalk.isSmallTalk("Thank you so much.")).isTrue();
        assertThat(SmallTalk.isSmallTalk("mm-hmm .")).isTrue();
        assertThat(SmallTalk.isSmallTalk("The weather has been lovely lately.")).isTrue();
        assertThat(SmallTalk.isSmallTalk("My back hurts when I bend.")).isFalse();
        assertThat(SmallTalk.answer("no , not that i've noticed .")).isEqualTo(SmallTalk.Answer.NO);
        assertThat(SmallTalk.answer("Yes.")).isEqualTo(SmallTalk.Answer.YES);
        assertThat(SmallTalk.answer("yes, it hurts at night")).isEqualTo(SmallTalk.Answer.NONE);
        assertThat(SmallTalk.withoutFillers("i , um , have pain , you know , here")).isEqualTo("i , have pain , here");
    }
}
