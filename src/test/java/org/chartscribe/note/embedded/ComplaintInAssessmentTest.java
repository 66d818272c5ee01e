package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.chartscribe.note.DraftNote;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Template;
import org.junit.jupiter.api.Test;

/** The assessment answers the reason the patient came, with its side, even when no diagnosis was named for it. */
class ComplaintInAssessmentTest {

    private static final String KNEE_AND_SUGAR = """
            Doctor: What brings you in today?
            Patient: My right knee has been hurting for about four days. I felt a pop when I stepped off a curb.
            Doctor: Does it swell?
            Patient: Yes, my right knee swelled up that night.
            Doctor: How's your diabetes? Still taking metformin 500 mg twice a day?
            Patient: Yes, my sugars have been fine.
            Doctor: On exam there is swelling of the right knee and pain with flexion.
            Doctor: So for your knee, I'm going to prescribe meloxicam 15 mg once a day and order an MRI of the knee.
            Doctor: For your diabetes, continue the metformin and we'll check an A1c.
            """;

    @Test
    void aComplaintNoDiagnosisWasNamedForIsTheFirstProblemWithItsPlan() {
        DraftNote note = EmbeddedNoteEngineTest.generate(KNEE_AND_SUGAR, "physician", Template.STANDARD);
        EmbeddedNoteEngineTest.assertGroundedAndValid(KNEE_AND_SUGAR, note);
        String assessment = EmbeddedNoteEngineTest.text(note, SoapPart.ASSESSMENT);
        assertThat(assessment).contains("right knee pain.");
        assertThat(assessment.indexOf("right knee pain")).isLessThan(assessment.indexOf("iabetes"));
        String plan = EmbeddedNoteEngineTest.text(note, SoapPart.PLAN);
        // the knee's plan items are filed under the knee, the diabetes' under the diabetes
        assertThat(plan.indexOf("meloxicam")).isBetween(plan.indexOf("right knee pain"), plan.indexOf("iabetes"));
    }

    @Test
    void aPossibleDiagnosisSaidWithoutItsSiteIsChartedWithTheComplaint() {
        String t = """
                Doctor: What's going on with your left ankle?
                Patient: I have left ankle pain since I rolled it playing basketball two days ago. The pain is worse when I walk.
                Doctor: There's tenderness over the lateral ankle and mild swelling.
                Doctor: I think this could be a sprain. Let's do ice, elevation and ibuprofen 600 mg every 6 hours as needed for pain.
                """;
        DraftNote note = EmbeddedNoteEngineTest.generate(t, "physician", Template.STANDARD);
        EmbeddedNoteEngineTest.assertGroundedAndValid(t, note);
        assertThat(EmbeddedNoteEngineTest.text(note, SoapPart.ASSESSMENT)).contains("left ankle pain, possible sprain.");
    }

    @Test
    void aDiagnosisAboutTheComplaintsSiteAnswersItAlone() {
        String t = """
                Doctor: What brings you in?
                Patient: I've had pain in my right elbow for three weeks, worse when I type.
                Doctor: You're tender over the lateral epicondyle. This is lateral epicondylitis, tennis elbow.
                Doctor: I'd like you to wear a strap and start physical therapy.
                """;
        DraftNote note = EmbeddedNoteEngineTest.generate(t, "physician", Template.STANDARD);
        EmbeddedNoteEngineTest.assertGroundedAndValid(t, note);
        String assessment = EmbeddedNoteEngineTest.text(note, SoapPart.ASSESSMENT);
        assertThat(assessment).containsIgnoringCase("lateral epicondylitis").doesNotContain("elbow pain");
    }

    @Test
    void legSwellingExplainedByHeartFailureIsNotAProblemOfItsOwn() {
        String t = """
                Doctor: What brings you in today?
                Patient: My ankles have been swelling for two weeks, both of them.
                Doctor: You have congestive heart failure and you've gained 6 pounds.
                Doctor: Your heart failure is not well controlled. I'm going to increase your Lasix to 40 mg twice a day.
                """;
        DraftNote note = EmbeddedNoteEngineTest.generate(t, "physician", Template.STANDARD);
        EmbeddedNoteEngineTest.assertGroundedAndValid(t, note);
        assertThat(EmbeddedNoteEngineTest.text(note, SoapPart.ASSESSMENT)).containsIgnoringCase("heart failure")
                .doesNotContainIgnoringCase("swelling");
    }
}
