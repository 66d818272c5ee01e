package org.chartscribe.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import org.chartscribe.transcript.Transcript;
import org.chartscribe.transcript.TranscriptParser;
import org.junit.jupiter.api.Test;

class PresentingProblemsTest {

    private static final String ANKLE = """
            [doctor] good morning. what brings you in?
            [patient] my left ankle has been hurting since i slipped on the stairs.
            [doctor] when did that happen?
            [patient] about four days ago.
            [doctor] how bad is the pain on a scale of zero to ten?
            [patient] probably a six.
            [patient] it hurts more when i walk and it's been getting worse.
            [doctor] anything help?
            [patient] ice helps a bit. i tried tylenol but it didn't really help.
            [patient] my ankle has some swelling too.
            [doctor] let me take a look at your ankle.
            [patient] ouch, that hurts.
            """;

    private static PresentingProblem read(String dialogue) {
        Transcript t = TranscriptParser.parse(dialogue);
        return PresentingProblems.of(t, ClinicalExtractor.extractForNote(t)).orElseThrow();
    }

    @Test
    void theComplaintCarriesItsSiteAndSide() {
        assertThat(read(ANKLE).complaint()).isEqualTo("left ankle pain");
    }

    @Test
    void onsetMechanismSeverityCourseAndModifiersAreCharted() {
        PresentingProblem p = read(ANKLE);
        assertThat(p.facts(HistoryFact.Kind.ONSET)).extracting(HistoryFact::text).containsExactly("4 days ago");
        assertThat(p.facts(HistoryFact.Kind.MECHANISM)).extracting(HistoryFact::text).containsExactly("after a fall");
        assertThat(p.facts(HistoryFact.Kind.SEVERITY)).extracting(HistoryFact::text).containsExactly("6 out of 10");
        assertThat(p.facts(HistoryFact.Kind.COURSE)).extracting(HistoryFact::text).containsExactly("worsening");
        assertThat(p.facts(HistoryFact.Kind.WORSE_WITH)).extracting(HistoryFact::text).containsExactly("walking");
        assertThat(p.facts(HistoryFact.Kind.BETTER_WITH)).extracting(HistoryFact::text).containsExactly("ice");
        assertThat(p.facts(HistoryFact.Kind.TRIED_WITHOUT_RELIEF)).extracting(HistoryFact::text).containsExactly("tylenol");
        assertThat(p.facts(HistoryFact.Kind.ASSOCIATED)).extracting(HistoryFact::text).containsExactly("swelling");
    }

    @Test
    void everyFactPointsAtWhatWasSaid() {
        PresentingProblem p = read(ANKLE);
        assertThat(ANKLE.substring(p.start(), p.end())).isEqualTo("hurting");
        for (HistoryFact f : p.facts()) {
            assertThat(f.end()).isGreaterThan(f.start());
            assertThat(f.start()).isLessThan(ANKLE.indexOf("let me take a look"));
        }
        HistoryFact onset = p.facts(HistoryFact.Kind.ONSET).get(0);
        assertThat(ANKLE.substring(onset.start(), onset.end())).contains("four days ago");
    }

    @Test
    void theExamAndOtherPeoplesSymptomsAreNotTheComplaint() {
        String dialogue = """
                [doctor] how are things at home?
                [patient] my husband has had a bad cough all week.
                [doctor] let me listen to your lungs.
                [patient] my chest hurts when you press there. my chest hurts.
                """;
        Transcript t = TranscriptParser.parse(dialogue);
        assertThat(PresentingProblems.of(t, ClinicalExtractor.extractForNote(t))).isEmpty();
    }

    @Test
    void aNegatedCourseOrMechanismIsNotCharted() {
        PresentingProblem p = read("""
                [doctor] what's going on?
                [patient] i have pain in my right shoulder. my right shoulder hurts.
                [patient] i never fell or anything. it's not getting worse.
                """);
        assertThat(p.complaint()).isEqualTo("right shoulder pain");
        assertThat(p.facts(HistoryFact.Kind.MECHANISM)).isEmpty();
        assertThat(p.facts(HistoryFact.Kind.COURSE)).isEmpty();
    }

    @Test
    void theClinicianIntroductionGivesAgeAndSex() {
        PresentingProblem p = read("""
                [doctor] mister diaz is a sixty two year old male here today.
                [patient] my lower back has been aching for three weeks after i was lifting boxes.
                [patient] the back pain is a seven out of ten.
                """);
        assertThat(p.age()).isEqualTo("62-year-old");
        assertThat(p.sex()).isEqualTo("male");
        assertThat(p.facts(HistoryFact.Kind.DURATION)).extracting(HistoryFact::text).containsExactly("for 3 weeks");
        assertThat(p.facts(HistoryFact.Kind.MECHANISM)).extracting(HistoryFact::text).containsExactly("after lifting");
        assertThat(p.facts(HistoryFact.Kind.SEVERITY)).extracting(HistoryFact::text).containsExactly("7 out of 10");
    }

    @Test
    void activitiesAreInTheNotesWords() {
        assertThat(PresentingProblems.activity("climb stairs")).contains("climbing stairs");
        assertThat(PresentingProblems.activity("bend")).contains("bending");
        assertThat(PresentingProblems.activity("think about it")).isEmpty();
    }

    @Test
    void aFingerSaidWithoutItsNameIsTheDigitNamedElsewhere() {
        String dialogue = """
                [doctor] what brings you in today?
                [patient] my finger has been hurting for three days.
                [doctor] which one?
                [patient] my right ring finger, i jammed it playing volleyball.
                """;
        assertThat(read(dialogue).complaint()).isEqualTo("right ring finger pain");
        String twoDigits = dialogue.replace("[doctor] which one?", "[patient] my left thumb is fine.\n[doctor] which one?");
        assertThat(read(twoDigits).complaint()).isEqualTo("finger pain"); // two digits named, one hurts: the sides differ too
    }

    @Test
    void theClinicianNamedComplaintOutweighsASiteMentionedOnceAndAnOrganInAConditionIsNoSite() {
        String dialogue = """
                [doctor] so mark is a 50-year-old man with a history of gout, who presents with some back pain.
                [patient] yeah, it's the same pain i had when i had gallbladder disease years back.
                [doctor] how many days has this been going on for?
                [patient] the last three days.
                [patient] the pain wakes me up, and i feel a little more pain in my stomach after dinner.
                [doctor] okay, the pain started suddenly?
                [patient] yes.
                [doctor] let me examine you.
                """;
        PresentingProblem p = read(dialogue);
        assertThat(p.complaint()).isEqualTo("back pain");
        assertThat(p.facts(HistoryFact.Kind.DURATION)).extracting(HistoryFact::text).containsExactly("for 3 days");
    }

    @Test
    void aRelieverNamedFirstInTheAnswerToWhatWasTakenIsTriedWithoutRelief() {
        String dialogue = """
                [doctor] what brings you in?
                [patient] my right shoulder has been hurting all week.
                [doctor] and what have you taken for the pain?
                [patient] advil, but it really does n't seem to help.
                [doctor] let me examine you.
                """;
        assertThat(read(dialogue).facts(HistoryFact.Kind.TRIED_WITHOUT_RELIEF)).extracting(HistoryFact::text)
                .containsExactly("advil");
        String helped = dialogue.replace("advil, but it really does n't seem to help.", "advil, and it helps a lot.");
        assertThat(read(helped).facts(HistoryFact.Kind.TRIED_WITHOUT_RELIEF)).isEmpty();
    }
}
