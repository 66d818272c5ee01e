package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Template;
import org.chartscribe.transcript.TranscriptParser;
import org.junit.jupiter.api.Test;

/** The assessment's problem list is written from the extracted diagnoses, one line a problem. */
class ProblemListTest {

    private static List<String> lines(String transcript) {
        EncounterFacts facts = EncounterFacts.of(TranscriptParser.parse(transcript));
        return ProblemList.of(facts, ProblemList.regionStart(facts, List.of())).stream()
                .map(ProblemList.Problem::line).toList();
    }

    @Test
    void aLayTermAndTheDiagnosisAreOneProblemInTheOrderTheClinicianTookThemUp() {
        String t = """
                Doctor: How has your high blood pressure been since the last visit?
                Patient: Up and down. My sugars have been fine.
                Doctor: And your diabetes, any lows?
                Patient: No lows.
                Doctor: Your lungs are clear and your heart sounds normal.
                Doctor: Okay, let's talk about my assessment and plan. For your diabetes, your numbers look good.
                Doctor: For your hypertension, it is not at goal today.
                """;
        assertThat(lines(t)).containsExactly("Diabetes.", "Hypertension, not at goal.");
    }

    @Test
    void theSideAndTheSiteSaidWithTheDiagnosisAreCharted() {
        String t = """
                Patient: My right knee has been aching for months, worse on stairs.
                Doctor: There is crepitus over the right knee and no effusion.
                Doctor: So my impression is that this is osteoarthritis of your right knee.
                """;
        assertThat(lines(t)).containsExactly("Osteoarthritis, right knee.");
    }

    @Test
    void aDiagnosisSaidAsWhatItWouldBeAndAnInjuryThoughtProbableAreProblems() {
        assertThat(lines("""
                Patient: The outside of my elbow hurts when I grip things.
                Doctor: Looking at your exam, my diagnosis here would be lateral epicondylitis, an inflammation of the tendon.
                """)).containsExactly("Lateral epicondylitis.");
        assertThat(lines("""
                Patient: I fell off the ladder onto my thigh yesterday.
                Doctor: The bone looks normal on the x-ray, so you probably have a contusion.
                """)).containsExactly("Likely contusion.");
    }

    @Test
    void suspectedIsLikelyAndNegatedOrFamilyConditionsAreNotProblems() {
        String t = """
                Patient: My mother had breast cancer and my dad has diabetes.
                Doctor: Do you have asthma?
                Patient: No, never.
                Doctor: Your big toe joint is red, hot and swollen.
                Doctor: So my assessment is that this is most likely gout.
                Doctor: I don't think this is an infection and I see no fracture on the x-ray.
                """;
        assertThat(lines(t)).containsExactly("Likely gout.");
    }

    @Test
    void aChronicProblemReviewedInTheHistoryIsKept() {
        String t = """
                Doctor: How are you doing with your hypothyroidism? Still taking the levothyroxine?
                Patient: Yes, every morning, I feel fine.
                Doctor: Your neck exam is normal and there are no nodules.
                Doctor: Okay, so for your assessment today, this is an acute sinusitis.
                Doctor: Let's start amoxicillin 500 mg twice a day for 10 days.
                """;
        assertThat(lines(t)).containsExactly("Acute sinusitis.", "Hypothyroidism.");
    }

    @Test
    void theAssessmentDivisionListsTheProblemsAndTheFirstIsTheComplaintWhenNoneWasSaid() {
        String t = """
                Doctor: How is the congestive heart failure? Any swelling in your legs?
                Patient: A little swelling by the evening.
                Doctor: There is trace edema at both ankles.
                Doctor: So for your first problem, your congestive heart failure, I want to start furosemide 20 mg a day.
                """;
        DraftNote note = EmbeddedNoteEngineTest.generate(t, "generic", Template.STANDARD);
        EmbeddedNoteEngineTest.assertGroundedAndValid(t, note);
        assertThat(EmbeddedNoteEngineTest.headingText(note, SoapPart.ASSESSMENT, "Assessment"))
                .isEqualTo("congestive heart failure.");
    }

    @Test
    void everyProblemTheClinicianTakesUpByNameIsChartedAndALayTermBecomesTheListedProblem() {
        String t = """
                Patient: The heartburn is back and the migraines are the same.
                Doctor: Your abdomen is soft and nontender.
                Doctor: Let's talk about my assessment and plan.
                Doctor: For your next problem, for your migraines, continue the sumatriptan, and for your final problem, uh, for your reflux, we will refill the pantoprazole.
                """;
        assertThat(lines(t)).contains("Migraines.", "Reflux.");
        EncounterFacts facts = EncounterFacts.of(TranscriptParser.parse(t));
        assertThat(ProblemList.of(facts, ProblemList.regionStart(facts, List.of()))).extracting(ProblemList.Problem::key)
                .contains("gerd");
    }

    @Test
    void aProblemOnlyConsideredAndRuledOutIsNotAddedByItsName() {
        String t = """
                Patient: My chest hurts when I run.
                Doctor: Your heart sounds normal and your EKG is normal.
                Doctor: So my assessment, from a heart attack standpoint, I don't think this is a heart attack.
                """;
        assertThat(lines(t)).noneMatch(l -> l.toLowerCase(java.util.Locale.ROOT).contains("heart attack")
                || l.toLowerCase(java.util.Locale.ROOT).contains("myocardial"));
    }

    @Test
    void aDiagnosisWhoseNameImpliesItsSiteTakesTheSideSaidForThatSite() {
        assertThat(lines("""
                Patient: The outside of my right elbow hurts when I grip things.
                Doctor: Looking at your exam, my diagnosis here would be lateral epicondylitis.
                """)).containsExactly("Right lateral epicondylitis.");
        // the side is the site's, not any side said in the visit
        assertThat(lines("""
                Patient: The outside of my elbow hurts when I grip things. My left knee is fine.
                Doctor: Looking at your exam, my diagnosis here would be lateral epicondylitis.
                """)).containsExactly("Lateral epicondylitis.");
    }

    @Test
    void aPossibilitySettledInTheHistoryIsNotAProblem() {
        String t = """
                Doctor: And a few years ago you had that scare with a possible colon cancer, but the biopsy turned out benign.
                Patient: Yes, all good since.
                Doctor: Your lungs are clear and your heart sounds normal.
                Doctor: Okay, let's talk about my assessment and plan. For your diabetes, your numbers look good.
                """;
        assertThat(lines(t)).containsExactly("Diabetes.");
        String unsettled = t.replace(", but the biopsy turned out benign", "");
        assertThat(lines(unsettled)).hasSize(2);
    }
}
