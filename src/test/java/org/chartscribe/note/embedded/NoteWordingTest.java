package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.PatientHints;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Template;
import org.chartscribe.note.SoapPart;
import org.chartscribe.transcript.Role;
import org.junit.jupiter.api.Test;

/** Sentence-level wording rules, on sentences written for these tests. */
class NoteWordingTest {

    private static String clinician(String s, SoapPart part, Pronouns p) {
        return NoteStyle.rewrite(s, Role.CLINICIAN, part, p, true);
    }

    private static String patient(String s, Pronouns p) {
        return NoteStyle.rewrite(s, Role.PATIENT, SoapPart.SUBJECTIVE, p, true);
    }

    @Test
    void existentialFindingsAgreeWithTheirNoun() {
        assertThat(clinician("I don't see any signs of infection.", SoapPart.OBJECTIVE, Pronouns.HE))
                .isEqualTo("There are no signs of infection.");
        assertThat(clinician("I do appreciate crackles at the bases.", SoapPart.OBJECTIVE, Pronouns.HE))
                .isEqualTo("There are crackles at the bases.");
        assertThat(clinician("There is tenderness over the knee.", SoapPart.OBJECTIVE, Pronouns.HE))
                .isEqualTo("There is tenderness over the knee.");
        assertThat(clinician("We can see some stenosis on the image.", SoapPart.OBJECTIVE, Pronouns.HE))
                .isEqualTo("There is stenosis on the image.");
        assertThat(clinician("There is this rash on your arm.", SoapPart.OBJECTIVE, Pronouns.HE))
                .isEqualTo("There is this rash on his arm.");
        assertThat(clinician("There are crackles on both sides.", SoapPart.OBJECTIVE, Pronouns.HE))
                .isEqualTo("There are crackles bilaterally.");
    }

    @Test
    void seeingThePatientBackIsTheFollowUp() {
        assertThat(clinician("I'll see you back in 4 weeks.", SoapPart.PLAN, Pronouns.THEY)).isEqualTo("Follow up in 4 weeks.");
        assertThat(clinician("We will see you back after the MRI.", SoapPart.PLAN, Pronouns.SHE))
                .isEqualTo("Follow up after the MRI.");
        assertThat(clinician("We will see how the knee does.", SoapPart.PLAN, Pronouns.SHE)).doesNotStartWith("Follow up");
    }

    @Test
    void examinationVerbsAgreeWithTheirNewSubject() {
        assertThat(clinician("On exam you appear tired, with a flat affect.", SoapPart.OBJECTIVE, Pronouns.THEY))
                .isEqualTo("The patient appears tired, with a flat affect.");
    }

    @Test
    void aDictationsFirstPersonVisitBecomesPassive() {
        assertThat(clinician("I saw Mr. Jones today for follow-up of his diabetes.", SoapPart.SUBJECTIVE, Pronouns.HE))
                .isEqualTo("Mr. Jones was seen today for follow-up of his diabetes.");
        assertThat(clinician("I saw the patient in clinic for a rash.", SoapPart.SUBJECTIVE, Pronouns.HE))
                .isEqualTo("The patient was seen in clinic for a rash.");
    }

    @Test
    void wishesForThePatientBecomeImperatives() {
        assertThat(clinician("I'd like you to continue the inhaler twice a day.", SoapPart.PLAN, Pronouns.SHE))
                .isEqualTo("Continue the inhaler twice a day.");
        assertThat(clinician("We would like you to keep a food diary.", SoapPart.PLAN, Pronouns.SHE))
                .isEqualTo("Keep a food diary.");
    }

    @Test
    void answersLoseTheirYesOrNoAndDenialsReadAsDenials() {
        assertThat(patient("No, it stays in my neck.", Pronouns.SHE)).isEqualTo("It stays in her neck.");
        assertThat(patient("Yeah, it gets worse at night.", Pronouns.HE)).isEqualTo("It gets worse at night.");
        assertThat(patient("I haven't had any fevers or chills.", Pronouns.HE)).isEqualTo("He denies any fevers or chills.");
        assertThat(patient("I don't have chest pain.", Pronouns.THEY)).isEqualTo("The patient denies any chest pain.");
        // not a symptom: left as said
        assertThat(patient("I don't have time to exercise.", Pronouns.SHE)).isEqualTo("She doesn't have time to exercise.");
        assertThat(patient("No.", Pronouns.SHE)).isEqualTo("No.");
    }

    @Test
    void spelledOutLettersAreNotThePatient() {
        assertThat(patient("I had an M R I of my knee.", Pronouns.SHE)).isEqualTo("She had an M R I of her knee.");
    }

    @Test
    void anAnswerThatDoesNotStartWithThePatientIsReported() {
        assertThat(answer("Joint pain in my right knee.")).isEqualTo("The patient reports joint pain in her right knee.");
        assertThat(answer("No, it stays in my neck.")).isEqualTo("The patient reports that it stays in her neck.");
        assertThat(answer("To be honest, my diet hasn't changed.")).isEqualTo("Her diet hasn't changed.");
        assertThat(answer("I think it started on Monday.")).isEqualTo("The patient thinks it started on Monday.");
        assertThat(answer("I don't have any fevers.")).isEqualTo("The patient denies any fevers.");
    }

    private static String answer(String s) {
        return NoteStyle.rewrite(s, Role.PATIENT, SoapPart.SUBJECTIVE, Pronouns.SHE.namingThePatient(), true, true);
    }

    @Test
    void withoutAKnownSexTheFirstMentionIsThePatient() {
        assertThat(patient("It hurts when I bend over or sit down.", Pronouns.THEY))
                .isEqualTo("It hurts when the patient bends over or sits down.");
        assertThat(patient("My knee is swollen and I can't walk far.", Pronouns.THEY))
                .isEqualTo("The patient's knee is swollen and they can't walk far.");
        assertThat(patient("I walk and swim every day.", Pronouns.SHE)).isEqualTo("She walks and swims every day.");
    }

    @Test
    void sexComesFromTitlesWithSpacedPunctuationOrThePatientsOwnAnatomy() {
        assertThat(Pronouns.of(PatientHints.NONE, "[doctor] hello , mrs . peterson .")).isEqualTo(Pronouns.SHE);
        assertThat(Pronouns.of(PatientHints.NONE, "Doctor: When was your last period?")).isEqualTo(Pronouns.SHE);
        assertThat(Pronouns.of(PatientHints.NONE, "Patient: My prostate was checked last year."))
                .isEqualTo(Pronouns.HE);
        // someone else's anatomy says nothing about the patient
        assertThat(Pronouns.of(PatientHints.NONE, "Patient: My wife is pregnant.")).isEqualTo(Pronouns.THEY);
    }

    @Test
    void speechHedgesAndTheSourceOfHistoryAreDropped() {
        assertThat(clinician("There is a little bit of swelling over the ankle.", SoapPart.OBJECTIVE, Pronouns.SHE))
                .isEqualTo("There is swelling over the ankle.");
        assertThat(patient("Like, I had like constant pain, it feels like a knife.", Pronouns.SHE))
                .isEqualTo("She had constant pain, it feels like a knife.");
        assertThat(clinician("That's going to help with some of the pain.", SoapPart.PLAN, Pronouns.SHE))
                .isEqualTo("That will help with some of the pain.");
        assertThat(clinician("I see here in your chart that you had a stroke last year.", SoapPart.SUBJECTIVE,
                Pronouns.SHE)).isEqualTo("She had a stroke last year.");
    }

    @Test
    void examAnnouncementsAndVagueRemarksAreProcedural() {
        assertThat(ClinicianVoice.isProcedural(Cues.lookup("Okay, let me examine you."))).isTrue();
        assertThat(ClinicianVoice.isProcedural(Cues.lookup("Let me press on your belly here."))).isTrue();
        assertThat(ClinicianVoice.isProcedural(Cues.lookup("Go ahead and lie back for me."))).isTrue();
        assertThat(ClinicianVoice.isProcedural(Cues.lookup("Let me examine you, there is no swelling."))).isFalse();
    }

    @Test
    void countsAndDosesAreWrittenInDigitsAsSaid() {
        assertThat(NoteNumbers.digits("Take it three times a day for two weeks."))
                .isEqualTo("Take it 3 times a day for 2 weeks.");
        assertThat(NoteNumbers.digits("Increase lisinopril to forty milligrams."))
                .isEqualTo("Increase lisinopril to 40 mg.");
        assertThat(NoteNumbers.digits("Pain is about a six out of ten.")).isEqualTo("Pain is about a 6 out of 10.");
        assertThat(NoteNumbers.digits("Twenty five milligrams daily.")).isEqualTo("25 mg daily.");
        assertThat(NoteNumbers.digits("Seen in two thousand and seven, weight two hundred and sixty pounds."))
                .isEqualTo("Seen in 2007, weight 260 pounds.");
        assertThat(NoteNumbers.digits("Blood pressure was one twenty over eighty, pulse fifty eight."))
                .isEqualTo("Blood pressure was 120 over 80, pulse 58.");
        // not a count: words stay words, and "one twenty" is 120 only in a blood pressure
        assertThat(NoteNumbers.digits("She did a one twenty minute walk.")).isEqualTo("She did a one twenty minute walk.");
        assertThat(NoteNumbers.digits("One day she fell and two of her friends helped."))
                .isEqualTo("One day she fell and two of her friends helped.");
    }

    @Test
    void theChiefComplaintIsTheReasonInAFewWordsAndTheSentenceOpensTheHistory() {
        assertThat(ChiefComplaint.reason("Ms. Lee is a 48-year-old female here for evaluation of a cough."))
                .contains("Cough.");
        assertThat(ChiefComplaint.reason("He presents with right knee pain since Monday.")).contains("Right knee pain.");
        assertThat(ChiefComplaint.reason("I saw Mr. Jones today for follow up of his type 2 diabetes and hypertension."))
                .contains("Type 2 diabetes.");
        assertThat(ChiefComplaint.reason("Seen today for follow-up of her asthma.")).contains("Asthma.");
        assertThat(ChiefComplaint.reason("She's here to establish care for a history of breast cancer."))
                .contains("History of breast cancer.");
        assertThat(ChiefComplaint.reason("I saw blood with my stool.")).isEmpty();
        assertThat(ChiefComplaint.reason("She says the weather is nice.")).isEmpty();
        String t = "Doctor: Ms. Lee is a 48-year-old female here for evaluation of a cough. She has had it for "
                + "two weeks.\nDoctor: Her lungs are clear.";
        DraftNote note = new EmbeddedNoteEngine().generate(new NoteRequest(t, Specialties.generic(),
                Template.STANDARD, false, null));
        assertThat(EmbeddedNoteEngineTest.headingText(note, SoapPart.SUBJECTIVE, "Chief Complaint")).isEqualTo("cough.");
        assertThat(EmbeddedNoteEngineTest.headingText(note, SoapPart.SUBJECTIVE, "History of Present Illness"))
                .startsWith("ms. lee is a 48-year-old female here for evaluation of a cough.");
    }

    @Test
    void planListsSplitIntoOneItemPerAction() {
        assertThat(PlanList.split("We will get an x-ray, start ibuprofen and refer her to physical therapy."))
                .containsExactly("We will get an x-ray.", "We will start ibuprofen.",
                        "We will refer her to physical therapy.");
        assertThat(PlanList.split("Continue the metformin and check an A1c in three months."))
                .containsExactly("Continue the metformin.", "Check an A1c in three months.");
        // "and" inside an item is not a list
        assertThat(PlanList.split("Ice and elevate the ankle."))
                .containsExactly("Ice and elevate the ankle.");
        assertThat(PlanList.split("We will see how you do."))
                .containsExactly("We will see how you do.");
    }

    @Test
    void problemsAreNamedInTheClinicianWordsWithoutSentenceDebris() {
        assertThat(ProblemGrouper.label("For her depression, she is doing well with therapy."))
                .contains("Depression");
        assertThat(ProblemGrouper.label("In terms of the patient's high blood pressure, it is elevated today."))
                .contains("High blood pressure");
        assertThat(ProblemGrouper.label("For your convenience, we can do this by phone.")).isEmpty();
        assertThat(ProblemGrouper.diagnosisIn("Most likely a lumbar muscle strain.")).isPresent();
    }

    @Test
    void eachNamedProblemGetsItsOwnPlanItems() {
        String t = """
                Doctor: Your knee looks better and your sugars have been high this month.
                Doctor: My assessment today, from a diabetes standpoint, let's increase the metformin to 1,000 mg \
                twice a day. From a gout standpoint, let's continue the allopurinol, and we'll check a uric acid \
                level. Come back in three months.
                Patient: Okay, thank you.
                """;
        DraftNote note = new EmbeddedNoteEngine().generate(new NoteRequest(t, Specialties.generic(),
                Template.STANDARD, false, new PatientHints(60, "male")));
        EmbeddedNoteEngineTest.assertGroundedAndValid(t, note);
        assertThat(note.render(SoapPart.ASSESSMENT)).contains("Diabetes.").contains("Gout.")
                .doesNotContain("standpoint");
        String plan = EmbeddedNoteEngineTest.headingText(note, SoapPart.PLAN, "Plan");
        assertThat(plan).containsSubsequence("diabetes:\n- increase metformin to 1,000 mg twice daily.",
                "gout:\n- continue allopurinol.", "\n- order uric acid.");
        assertThat(EmbeddedNoteEngineTest.headingText(note, SoapPart.PLAN, "Follow-up")).contains("3 months");
    }

    @Test
    void withoutAnAssessmentTheConditionTheClinicianFindsIsTheProblem() {
        String t = """
                Patient: I have had pain in my side since Monday.
                Doctor: Your CT scan shows that you have a kidney stone in the left ureter. We will have you drink \
                plenty of fluids and strain your urine.
                Doctor: Your blood pressure is fine today.
                """;
        DraftNote note = new EmbeddedNoteEngine().generate(new NoteRequest(t, Specialties.generic(),
                Template.STANDARD, false, null));
        EmbeddedNoteEngineTest.assertGroundedAndValid(t, note);
        assertThat(EmbeddedNoteEngineTest.headingText(note, SoapPart.ASSESSMENT, "Assessment"))
                .isEqualTo("kidney stone.");
        assertThat(EmbeddedNoteEngineTest.text(note, SoapPart.ASSESSMENT)).doesNotContain("hypertension");
    }

    @Test
    void habitQuestionsAnsweredYesOrNoBecomeSocialHistory() {
        String t = """
                Doctor: Do you smoke or drink?
                Patient: Nope, I don't.
                Doctor: Do you exercise?
                Patient: Yes.
                Doctor: Do you know where the lab is?
                Patient: No.
                Doctor: Let me write you a prescription for amoxicillin.
                """;
        DraftNote note = new EmbeddedNoteEngine().generate(new NoteRequest(t, Specialties.generic(),
                Template.STANDARD, false, new PatientHints(30, "female")));
        EmbeddedNoteEngineTest.assertGroundedAndValid(t, note);
        assertThat(EmbeddedNoteEngineTest.headingText(note, SoapPart.SUBJECTIVE, "Social History"))
                .isEqualTo("does not smoke or drink. the patient exercises.");
        assertThat(EmbeddedNoteEngineTest.text(note, SoapPart.SUBJECTIVE)).doesNotContain("lab");
        assertThat(EmbeddedNoteEngineTest.text(note, SoapPart.PLAN))
                .contains("we will write her a prescription for amoxicillin.");
    }

    @Test
    void condensingKeepsTheDenseSentencesInSpokenOrder() {
        List<Classified> items = List.of(
                item(1, "She walks the dog in the park with her neighbour most mornings when the weather is nice."),
                item(2, "She has knee pain and swelling for 3 weeks."),
                item(3, "Denies fever."));
        List<Classified> kept = Condenser.toBudget(items, 12);
        assertThat(kept).extracting(Classified::order).containsExactly(2, 3);
        assertThat(Condenser.condense(items, 1000)).hasSize(3);
    }

    private static Classified item(int order, String text) {
        String lookup = Cues.lookup(text);
        return new Classified(SoapPart.SUBJECTIVE, text, List.of(new Evidence(0, 1)), Role.PATIENT, order, lookup,
                null, ClinicalLexicon.informativeness(lookup));
    }
}
