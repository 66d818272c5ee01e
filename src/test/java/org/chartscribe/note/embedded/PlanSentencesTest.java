package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Template;
import org.chartscribe.transcript.TranscriptParser;
import org.junit.jupiter.api.Test;

/** Plan items are written from the extracted facts as short chart sentences, once each, under their problem. */
class PlanSentencesTest {

    private static List<PlanSentences.Line> plan(String transcript) {
        EncounterFacts facts = EncounterFacts.of(TranscriptParser.parse(transcript));
        int region = ProblemList.regionStart(facts, List.of());
        return PlanSentences.compose(facts, region, ProblemList.of(facts, region), List.of());
    }

    private static List<String> texts(String transcript) {
        return plan(transcript).stream().map(PlanSentences.Line::text).toList();
    }

    private static final String HEART = """
            Doctor: How are you doing with your congestive heart failure?
            Patient: Okay, but my ankles swell by the evening.
            Doctor: Your lungs are clear. There is trace edema at both ankles.
            Doctor: So for your first problem, your congestive heart failure, I want you to continue on your current medications.
            Doctor: But I do want to increase your lisinopril to 40 milligrams a day.
            Doctor: I also want to start you on some Lasix, 20 milligrams a day.
            Doctor: I also want to repeat another echocardiogram, okay?
            Patient: All right.
            Doctor: Hey Dragon, order an echocardiogram.
            Doctor: And watch the salt, a low sodium diet really matters.
            Doctor: I'll see you back in two weeks.
            """;

    @Test
    void medicationsAreWrittenWithTheChangeTheDoseAndTheNameAsSaid() {
        assertThat(texts(HEART)).contains("Continue current medications.", "Increase lisinopril to 40 mg daily.",
                "Start Lasix 20 mg daily.");
    }

    @Test
    void aDoseChangeIsChartedWithTheDoseItGoesTo() {
        assertThat(texts("""
                Doctor: Your blood pressure is still high at home.
                Doctor: So I want to increase your lisinopril from 10 milligrams to 20 milligrams a day.
                Patient: Okay.
                """)).contains("Increase lisinopril to 20 mg daily.");
        assertThat(texts("""
                Doctor: Your blood pressure is still high at home.
                Doctor: Let's increase the lisinopril from ten to twenty milligrams a day.
                """)).contains("Increase lisinopril to 20 mg daily.");
    }

    @Test
    void aReferralForWhenThingsDoNotImproveIsConsidered() {
        assertThat(texts("""
                Doctor: Your knee exam shows a small effusion.
                Doctor: Let's start with physical therapy, and if it doesn't get better I'll refer you to orthopedics.
                """)).noneMatch(t -> t.startsWith("Refer to"))
                .contains("Consider orthopedics if symptoms persist.");
    }

    @Test
    void aPrescribedDoseOfADrugThePatientTookIsStartedNotContinued() {
        assertThat(texts("""
                Doctor: What have you been taking for the pain?
                Patient: I've been taking some ibuprofen.
                Doctor: Your knee is swollen with tenderness at the medial joint line.
                Doctor: For your knee strain I'm going to prescribe ibuprofen 800 milligrams three times a day.
                """)).contains("Start ibuprofen 800 mg three times daily.").noneMatch(t -> t.startsWith("Continue ibuprofen"));
        assertThat(texts("""
                Patient: I take lisinopril 20 milligrams every day.
                Doctor: Your blood pressure is good. For your hypertension, start lisinopril 20 milligrams daily.
                """)).noneMatch(t -> t.startsWith("Start lisinopril"));
    }

    @Test
    void homeCareAndFollowUpInALongRunOnClauseAreCharted() {
        // one unpunctuated stretch, longer than a clause is read whole: each item is read around its own words
        assertThat(texts("""
                Doctor: Your x-ray shows a fracture of both bones of the forearm.
                Doctor: The good news is that these usually heal without an operation so what we are going to do is put you in a long arm cast and a sling and then we are going to check you in two weeks to see whether the bones have lined up and if they have not we will talk about surgery then.
                """)).contains("Long arm cast.", "Sling.", "Follow up in 2 weeks.");
    }

    @Test
    void aCastOrAnAirCastSaidPlainlyIsCharted() {
        assertThat(texts("""
                Doctor: Your ankle x-ray shows a sprain and no fracture.
                Doctor: I'll put you in an air cast to keep the ankle still and you will use crutches for a week.
                Doctor: Your other foot x-ray shows a fracture, so you're going to be in a cast for six weeks.
                """)).contains("Air cast.", "Crutches.", "Cast.");
    }

    @Test
    void homeCareGivenWithAnOrderIsCharted() {
        assertThat(texts("""
                Doctor: Your x-ray shows a fracture of the fifth metatarsal.
                Doctor: I'm going to put you in a walking boot and give you crutches, and I'll refer you to orthopedics.
                Doctor: Weigh yourself every day and keep the foot elevated.
                """)).contains("Walking boot.", "Crutches.", "Refer to orthopedics.", "Daily weights.", "Advised elevation.");
    }

    @Test
    void aVoiceCommandRepeatingAnOrderIsOneItem() {
        assertThat(texts(HEART)).containsOnlyOnce("Order repeat echocardiogram.")
                .noneMatch(t -> t.toLowerCase().contains("dragon"));
        PlanSentences.Line echo = plan(HEART).stream().filter(l -> l.text().contains("echocardiogram")).findFirst()
                .orElseThrow();
        assertThat(echo.evidence()).hasSize(2); // both sayings point back at the transcript
    }

    @Test
    void educationIsChartedByItsTopicAndFollowUpForTheVisit() {
        List<PlanSentences.Line> lines = plan(HEART);
        assertThat(lines).extracting(PlanSentences.Line::text).contains("Counseled on low-sodium diet.",
                "Follow up in 2 weeks.");
        assertThat(lines).filteredOn(l -> l.text().startsWith("Follow up")).extracting(PlanSentences.Line::problem)
                .containsOnlyNulls();
        assertThat(lines).filteredOn(l -> l.text().startsWith("Increase")).extracting(PlanSentences.Line::problem)
                .containsExactly("heart failure");
    }

    @Test
    void everyLineKeepsTheEvidenceOfItsFact() {
        for (PlanSentences.Line line : plan(HEART)) {
            assertThat(line.evidence()).isNotEmpty();
            for (Evidence e : line.evidence()) {
                assertThat(e.start()).isGreaterThanOrEqualTo(0).isLessThan(e.end());
                assertThat(e.end()).isLessThanOrEqualTo(HEART.length());
            }
        }
        PlanSentences.Line lasix = plan(HEART).stream().filter(l -> l.text().contains("Lasix")).findFirst().orElseThrow();
        Evidence e = lasix.evidence().get(0);
        assertThat(HEART.substring(e.start(), e.end())).contains("Lasix");
    }

    @Test
    void anOptionThePatientDeclinedIsNotThePlan() {
        String t = """
                Patient: My lower back has hurt for three weeks since I lifted a couch.
                Doctor: There is tenderness over the lumbar muscles and the straight leg raise is negative.
                Doctor: So my impression is a lumbar strain.
                Doctor: We could refer you to physical therapy for a few weeks.
                Patient: I'd rather not, I don't have the time.
                Doctor: That's fine. Let's start meloxicam 15 milligrams once a day.
                """;
        assertThat(texts(t)).contains("Declined physical therapy.", "Start meloxicam 15 mg daily.")
                .doesNotContain("Refer to physical therapy.");
    }

    @Test
    void aReplyDecliningTheLastOptionOfALongTurnDoesNotDeclineWhatWasSaidBefore() {
        String t = """
                [patient] i have been more short of breath and my legs are swollen
                [doctor] so for your congestive heart failure i think you have an exacerbation what i'd like to do is increase your dose of lasix from twenty milligrams to sixty milligrams for the next four days and i want you to weigh yourself every morning and write it down and we talked about the salt in your diet and how that matters a lot for the swelling in your legs and your breathing and if it does n't get better in a couple of days we may have to send you to the hospital
                [patient] i do n't want to go to the hospital doctor
                [doctor] i understand let's see how the lasix works
                """;
        assertThat(texts(t)).contains("Increase Lasix to 60 mg for 4 days.");
    }

    @Test
    void anOptionOnlyOfferedForLaterIsLeftOutAndAConditionalReferralIsConsidered() {
        String t = """
                Patient: My right shoulder hurts when I reach overhead.
                Doctor: There is pain with abduction past 90 degrees. My impression is rotator cuff tendinitis.
                Doctor: Down the road we could talk about an MRI.
                Patient: Okay.
                Doctor: If your symptoms continue, we will refer you to physical therapy.
                """;
        assertThat(texts(t)).doesNotContain("Order MRI.").contains("Consider physical therapy if symptoms persist.");
    }

    @Test
    void whatWasDoneBeforeIsHistoryNotPlan() {
        String t = """
                Doctor: I know we started you on metformin last year. How is that going?
                Patient: Fine, no stomach upset.
                Doctor: Your feet look good today with normal sensation.
                Doctor: For your diabetes, I want to order a hemoglobin A1c today.
                """;
        assertThat(texts(t)).containsExactly("Order hemoglobin A1c.");
    }

    @Test
    void aDrugSaidBeforeAnyProblemGoesToTheProblemItTreats() {
        String t = """
                Doctor: How is the heartburn on the omeprazole?
                Patient: Much better, but I run out next week.
                Doctor: Your abdomen is soft and non-tender.
                Doctor: Okay. I'll refill your omeprazole 20 milligrams daily.
                Doctor: So my impression is GERD, well controlled.
                """;
        List<PlanSentences.Line> lines = plan(t);
        assertThat(lines).extracting(PlanSentences.Line::text).containsExactly("Refill omeprazole 20 mg daily.");
        assertThat(lines.get(0).problem()).isEqualTo("gerd");
    }

    @Test
    void theNoteFilesItemsUnderTheirProblemAndTheVisitItemsUnderTheSpecialtyHeadings() {
        DraftNote note = EmbeddedNoteEngineTest.generate(HEART, "generic", Template.STANDARD);
        EmbeddedNoteEngineTest.assertGroundedAndValid(HEART, note);
        assertThat(EmbeddedNoteEngineTest.headingText(note, SoapPart.PLAN, "Plan"))
                .startsWith("congestive heart failure:\n- continue current medications.")
                .contains("- increase lisinopril to 40 mg daily.", "- order repeat echocardiogram.")
                .doesNotContain("continue she", "you", "okay", "dragon");
        assertThat(EmbeddedNoteEngineTest.headingText(note, SoapPart.PLAN, "Follow-up")).isEqualTo("follow up in 2 weeks.");
        for (NoteSection s : note.sections(SoapPart.PLAN)) {
            assertThat(s.evidence()).isNotEmpty();
        }
        assertThat(note.warnings()).isEmpty(); // the grounding guard had nothing to remove
    }

    @Test
    void theProblemOrientedTemplateHeadsEachProblem() {
        DraftNote note = EmbeddedNoteEngineTest.generate(HEART, "generic", Template.PROBLEM_ORIENTED);
        assertThat(note.sections(SoapPart.ASSESSMENT)).extracting(NoteSection::heading)
                .containsExactly("Congestive heart failure");
        assertThat(note.sections(SoapPart.PLAN)).extracting(NoteSection::heading)
                .contains("Congestive heart failure", "Follow-up");
    }

    @Test
    void aTestAlreadyDoneAndReviewedIsNotOrderedAgain() {
        String t = """
                Patient: I fell on my left shoulder while skiing last week.
                Doctor: We took an x-ray of your left shoulder when you came in and it showed no fracture.
                Doctor: There is tenderness over the greater tuberosity.
                Doctor: So my impression is a left shoulder contusion.
                Doctor: Hey Dragon, order a left shoulder x-ray.
                Doctor: I will refer you to physical therapy.
                """;
        assertThat(texts(t)).noneMatch(l -> l.contains("x-ray")).contains("Refer to physical therapy.");
        assertThat(texts("""
                Patient: I fell on my left shoulder while skiing last week.
                Doctor: There is tenderness over the greater tuberosity.
                Doctor: So my impression is a left shoulder contusion.
                Doctor: Hey Dragon, order a left shoulder x-ray.
                """)).anyMatch(l -> l.startsWith("Order x-ray"));
        assertThat(texts("""
                Doctor: Your x-ray shows a small fracture at the tip of the right index finger.
                Doctor: My impression is a distal phalanx fracture of the right index finger.
                Doctor: I'll put you in a splint and see you in two weeks to get a follow-up x-ray.
                """)).anyMatch(l -> l.startsWith("Order repeat x-ray"));
    }

    @Test
    void iceIsChartedWithHowLongAndHowOften() {
        assertThat(texts("""
                Patient: I twisted my right ankle playing soccer.
                Doctor: There is swelling over the lateral ankle.
                Doctor: My impression is a right ankle sprain.
                Doctor: I want you to ice it for twenty minutes three to four times a day and keep it elevated.
                """)).contains("Advised ice for 20 minutes 3 to 4 times a day.", "Advised elevation.");
    }

    @Test
    void returnPrecautionsAProcedureHeldInReserveAndTheResultsCallBackAreThePlan() {
        List<String> plan = texts("""
                Patient: My right hip has hurt for two months.
                Doctor: There is pain with internal rotation of the right hip.
                Doctor: My impression is right hip bursitis.
                Doctor: I want to order an MRI of the right hip.
                Doctor: If the pain does not improve with therapy, we can do a steroid injection.
                Doctor: I will call you with the results once they are in.
                Doctor: If your symptoms get worse before then, give us a call.
                Doctor: Come back and see me after you finish physical therapy.
                """);
        assertThat(plan).contains("Consider steroid injection if symptoms persist.",
                "Will contact the patient with results.", "Return precautions given.",
                "Follow up after physical therapy.");
    }

    @Test
    void eachItemIsFiledUnderTheProblemTakenUpByNameEvenWhenNoDiagnosisWasExtracted() {
        String t = """
                Patient: My back hurts when I sit at my desk, and my mood has been low.
                Doctor: There is tenderness over the lumbar spine.
                Doctor: So my plan for you, from a chronic back pain standpoint, is to refer you to physical therapy.
                Doctor: Hey Dragon, order a physical therapy referral.
                Doctor: And for your depression, we will increase your sertraline to 100 milligrams daily.
                """;
        List<PlanSentences.Line> lines = plan(t);
        assertThat(lines).filteredOn(l -> l.text().equals("Refer to physical therapy.")).extracting(PlanSentences.Line::problem)
                .containsExactly("chronic back pain");
        assertThat(lines).filteredOn(l -> l.text().startsWith("Increase sertraline"))
                .extracting(PlanSentences.Line::problem).containsExactly("depression");
    }

    @Test
    void aDrugIsChartedWithWhatItIsForAndHowLongTheCourseRuns() {
        assertThat(texts("""
                Doctor: Your throat culture came back positive for strep.
                Doctor: So I'm going to start you on penicillin, 500 milligrams twice a day for ten days.
                Doctor: And I'll prescribe ibuprofen, 400 milligrams every 6 hours as needed for pain.
                Patient: Okay.
                """)).contains("Start penicillin 500 mg twice daily for 10 days.",
                "Start ibuprofen 400 mg every 6 hours as needed for pain.");
        // how long a drug was taken is its history, not a course to chart with "continue"
        assertThat(texts("""
                Doctor: You have been on lisinopril 20 milligrams daily for two years and your pressure is good.
                Doctor: So continue the lisinopril 20 milligrams daily.
                """)).noneMatch(t -> t.contains("for 2 years"));
    }
}
