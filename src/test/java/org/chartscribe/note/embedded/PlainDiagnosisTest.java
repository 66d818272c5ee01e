package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.chartscribe.note.DraftNote;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Template;
import org.junit.jupiter.api.Test;

/** A diagnosis the clinician states plainly, with no "I think" or "my impression", is the assessment. */
class PlainDiagnosisTest {

    private static final String EAR = """
            Dr. Patel: Hi, what brings Maya in today?
            Guest_family: She's had a fever of 102 since Sunday and she keeps pulling at her right ear.
            Dr. Patel: Any vomiting or rash?
            Guest_family: No vomiting, no rash. She's eating less though.
            Dr. Patel: Her temperature is 101.8 today. The right tympanic membrane is red and bulging. The left looks normal.
            Dr. Patel: This is acute otitis media on the right. We'll start amoxicillin 90 mg per kg per day divided twice daily for 10 days. Come back if she's not better in 48 to 72 hours.
            """;

    @Test
    void aDiagnosisSaidAsAStatementIsCharted() {
        DraftNote note = EmbeddedNoteEngineTest.generate(EAR, "pediatrics", Template.STANDARD);
        EmbeddedNoteEngineTest.assertGroundedAndValid(EAR, note);
        assertThat(EmbeddedNoteEngineTest.text(note, SoapPart.ASSESSMENT)).contains("acute otitis media");
        assertThat(EmbeddedNoteEngineTest.text(note, SoapPart.PLAN)).contains("amoxicillin 90 mg");
    }

    @Test
    void aDentistsFindingsAndDiagnosisAreNotHistory() {
        String t = """
                Dentist: What brings you in?
                Patient: My lower left back tooth hurts when I drink something cold, and it lingers.
                Dentist: Tooth 19 has a large distal-occlusal cavity. Percussion is positive and the cold test is lingering.
                Dentist: This is irreversible pulpitis on tooth 19. We'll do a root canal and then a crown.
                """;
        DraftNote note = EmbeddedNoteEngineTest.generate(t, "dentist", Template.STANDARD);
        EmbeddedNoteEngineTest.assertGroundedAndValid(t, note);
        assertThat(EmbeddedNoteEngineTest.text(note, SoapPart.OBJECTIVE)).contains("cavity", "percussion is positive");
        assertThat(EmbeddedNoteEngineTest.text(note, SoapPart.ASSESSMENT)).contains("irreversible pulpitis");
        assertThat(EmbeddedNoteEngineTest.text(note, SoapPart.SUBJECTIVE)).doesNotContain("this is irreversible", "cavity");
    }

    @Test
    void progressTowardGoalsIsATherapistsAssessment() {
        String t = """
                Therapist: How is the shoulder doing since last week?
                Patient: I can reach the top shelf now but it still hurts at night, maybe a 4 out of 10.
                Therapist: Flexion is 150 degrees on the right, up from 120. Strength is 4 out of 5 for the rotator cuff.
                Therapist: You're making good progress toward your goal of reaching overhead without pain.
                Therapist: Keep doing the band exercises twice a day.
                """;
        DraftNote note = EmbeddedNoteEngineTest.generate(t, "physical_therapy", Template.STANDARD);
        EmbeddedNoteEngineTest.assertGroundedAndValid(t, note);
        assertThat(EmbeddedNoteEngineTest.text(note, SoapPart.ASSESSMENT)).contains("good progress toward");
        assertThat(EmbeddedNoteEngineTest.text(note, SoapPart.SUBJECTIVE)).doesNotContain("progress");
    }

    @Test
    void aRemarkWithoutADiagnosisIsNotAnAssessment() {
        String t = "Doctor: Your knee is swollen on the inside.\nDoctor: This is going to sting a bit.\n"
                + "Doctor: We will drain the fluid and send it to the lab for a culture.";
        DraftNote note = EmbeddedNoteEngineTest.generate(t, "physician", Template.STANDARD);
        assertThat(EmbeddedNoteEngineTest.text(note, SoapPart.ASSESSMENT)).doesNotContain("sting");
    }
}
