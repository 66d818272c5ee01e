package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.PatientHints;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Template;
import org.chartscribe.transcript.Role;
import org.junit.jupiter.api.Test;

/** Rewriting spoken words into note language, on sentences written for these tests. */
class NoteVoiceTest {

    private static String patient(String s, Pronouns p) {
        return NoteStyle.rewrite(s, Role.PATIENT, SoapPart.SUBJECTIVE, p, true);
    }

    private static String clinician(String s, SoapPart part) {
        return NoteStyle.rewrite(s, Role.CLINICIAN, part, Pronouns.SHE, true);
    }

    @Test
    void patientFirstPersonBecomesThirdPersonWithAgreement() {
        assertThat(patient("I've had this pain for three weeks.", Pronouns.SHE))
                .isEqualTo("She has had this pain for 3 weeks.");
        assertThat(patient("um , i feel dizzy when i stand up .", Pronouns.HE))
                .isEqualTo("He feels dizzy when he stands up.");
        assertThat(patient("My knee hurts and I don't sleep well.", Pronouns.THEY))
                .isEqualTo("The patient's knee hurts and they don't sleep well.");
        assertThat(patient("I'm taking my inhaler twice a day.", Pronouns.THEY))
                .isEqualTo("The patient is taking their inhaler twice a day.");
    }

    @Test
    void clinicianRemarksToThePatientBecomeNoteStatements() {
        assertThat(clinician("your lungs are clear .", SoapPart.OBJECTIVE)).isEqualTo("Her lungs are clear.");
        assertThat(clinician("i do appreciate a murmur on your heart exam .", SoapPart.OBJECTIVE))
                .isEqualTo("There is a murmur on her heart exam.");
        assertThat(clinician("I want you to continue the metformin.", SoapPart.PLAN))
                .isEqualTo("Continue the metformin.");
        assertThat(clinician("so i'm going to go ahead and order an x-ray of your ankle .", SoapPart.PLAN))
                .isEqualTo("We will order an x-ray of her ankle.");
        assertThat(clinician("let's have you come back in two weeks , okay ?", SoapPart.PLAN))
                .isEqualTo("We will have her come back in 2 weeks.");
    }

    @Test
    void fillerAndRestartsAreDropped() {
        assertThat(patient("uh , i , i just kinda twisted it , you know , on the stairs .", Pronouns.SHE))
                .isEqualTo("She twisted it, on the stairs.");
    }

    @Test
    void proceduralAnnouncementsAreNotCharted() {
        assertThat(ClinicianVoice.isProcedural(Cues.lookup("let me just take a quick look at your knee"))).isTrue();
        assertThat(ClinicianVoice.isProcedural(Cues.lookup("let's review your x-ray , it shows no fracture"))).isFalse();
    }

    @Test
    void runOnClinicianSentencesSplitIntoJudgementAndPlan() {
        String t = "Doctor: For your asthma, I think it is not well controlled, and I want to start you on "
                + "a daily inhaler.\nPatient: Okay, that sounds fine.";
        DraftNote note = new EmbeddedNoteEngine().generate(new NoteRequest(t, Specialties.generic(),
                Template.STANDARD, false, new PatientHints(30, "female")));
        EmbeddedNoteEngineTest.assertGroundedAndValid(t, note);
        assertThat(EmbeddedNoteEngineTest.text(note, SoapPart.ASSESSMENT)).contains("not well controlled")
                .doesNotContain("inhaler");
        assertThat(EmbeddedNoteEngineTest.text(note, SoapPart.PLAN)).contains("we will start her on a daily inhaler");
    }

    @Test
    void pronounsComeFromTheHintOrTheStatedSex() {
        assertThat(Pronouns.of(new PatientHints(40, "male"), "")).isEqualTo(Pronouns.HE);
        assertThat(Pronouns.of(PatientHints.NONE, "Doctor: Ms. Jones is a 52-year-old female here today."))
                .isEqualTo(Pronouns.SHE);
        assertThat(Pronouns.of(PatientHints.NONE, "Doctor: What brings you in?")).isEqualTo(Pronouns.THEY);
    }

    @Test
    void trapsNegatedFindingsPatientQuestionsAndSmallTalk() {
        String t = """
                Doctor: Good morning! How was the drive in? The traffic was terrible today.
                Patient: Oh it was fine, thanks.
                Doctor: So what brings you in?
                Patient: I've had a cough for two weeks.
                Doctor: Any fever?
                Patient: No.
                Doctor: Your lungs are clear and there is no wheezing.
                Patient: Should I take an antibiotic?
                Doctor: No, this looks like a viral bronchitis. Drink plenty of fluids and rest.
                """;
        DraftNote note = new EmbeddedNoteEngine().generate(new NoteRequest(t, Specialties.generic(),
                Template.STANDARD, false, null));
        EmbeddedNoteEngineTest.assertGroundedAndValid(t, note);
        String s = EmbeddedNoteEngineTest.text(note, SoapPart.SUBJECTIVE);
        assertThat(s).contains("cough for 2 weeks").contains("denies fever").doesNotContain("traffic")
                .doesNotContain("drive");
        assertThat(EmbeddedNoteEngineTest.text(note, SoapPart.OBJECTIVE)).contains("lungs clear")
                .contains("no wheezing");
        assertThat(EmbeddedNoteEngineTest.text(note, SoapPart.PLAN)).doesNotContain("should i")
                .doesNotContain("take an antibiotic");
        assertThat(EmbeddedNoteEngineTest.text(note, SoapPart.ASSESSMENT)).contains("viral bronchitis");
    }
}
