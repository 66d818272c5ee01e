package org.chartscribe.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.note.BillingCodes.Diagnosis;
import org.junit.jupiter.api.Test;

/**
 * A visit where the clinician states no diagnosis: the patient's complaints are coded, a symptom the
 * patient affirms when asked too, and a diagnosis the patient names only when the clinician names it.
 */
class PatientStatementsTest {

    private final Icd10Coder coder = new Icd10Coder(Icd10CodeSetLoader.builtin());

    private List<String> codes(String transcript) {
        return coder.suggest("", transcript).stream().map(Diagnosis::code).toList();
    }

    @Test
    void thePatientsComplaintIsCodedInSpokenWords() {
        assertThat(codes("Doctor: What brings you in?\nPatient: My tummy has been hurting, I have pain in my tummy.\n"
                + "Doctor: Since when?\nPatient: Since this morning."))
                .containsExactly("R10.9");
    }

    @Test
    void aSymptomAskedAboutAndAffirmedIsCodedAndCombined() {
        // nausea and vomiting together are one code; the first complaint stays first
        assertThat(codes("Patient: I have a bad headache.\nDoctor: Any nausea or vomiting?\nPatient: Yes, both."))
                .containsExactly("R51.9", "R11.2");
        assertThat(codes("Patient: I have a bad headache.\nDoctor: Any nausea or vomiting?\nPatient: No, none."))
                .containsExactly("R51.9");
    }

    @Test
    void aPatientsOwnDiagnosisNeedsTheClinician() {
        assertThat(codes("Patient: I think I have gout in my toe, it hurts.\nDoctor: Let me take a look.")).doesNotContain("M10.9");
        assertThat(codes("Patient: I have asthma.\nDoctor: How often do you use your inhaler for the asthma?\nPatient: Twice a week."))
                .contains("J45.909");
    }

    @Test
    void questionsAndRelativesAreNotThePatients() {
        assertThat(codes("Patient: Does diabetes run in families?\nDoctor: Sometimes.\nPatient: My mother has diabetes."))
                .isEmpty();
    }

    @Test
    void theAnswerToWhereThePainIsNamesItsSite() {
        assertThat(codes("Doctor: Where does it hurt?\nPatient: Kind of everywhere in my tummy, all over.\n")).containsExactly("R10.84");
        assertThat(codes("Doctor: Where are you having the pain?\nPatient: Just under the belly button.\n")).containsExactly("R10.33");
        assertThat(codes("Doctor: Where is the pain worst?\nPatient: My right hip.\n")).containsExactly("M25.551");
        // a question back is no answer
        assertThat(codes("Doctor: Where's the pain?\nPatient: Do you mean now?\n")).isEmpty();
    }

    @Test
    void aCompanionsWordsForConfusionAreAlteredMentalStatus() {
        assertThat(codes("Doctor: How is your father today?\nGuest_family: Since Sunday he's been out of it.\n"))
                .containsExactly("R41.82");
    }

    @Test
    void anInjuryThePatientTellsIsCodedAtTheSiteAskedAbout() {
        // the site is in the question, what happened in the answer; first visit for it: initial encounter
        assertThat(codes("Doctor: What happened to your left arm?\nPatient: Our neighbour's cat bit me this morning.\n"))
                .first().asString().startsWith("S41.15").endsWith("A");
        // a pain after a blow is the injury of the site, not the pain
        assertThat(codes("Doctor: Where does it hurt?\nPatient: My right wrist. I fell on it while skating.\n"))
                .containsExactly("S69.91XA", "W19.XXXA");
        assertThat(codes("Doctor: Where does it hurt?\nPatient: My right wrist. It started on its own.\n"))
                .containsExactly("M25.531");
        // a companion's account of a cut needs no clinician to repeat it
        assertThat(codes("Guest_family: She tripped on the stairs and got a deep cut on her forearm.\n"))
                .containsExactly("S51.819A");
    }

    @Test
    void theReasonForTheVisitAskedAndConfirmedIsCoded() {
        assertThat(codes("Doctor: So you're here following up on your asthma and high cholesterol?\nPatient: Yes, that's right.\n"))
                .contains("J45.909", "E78.00");
        assertThat(codes("Doctor: So you're here following up on your asthma and high cholesterol?\nPatient: No, it's my knee.\n"))
                .doesNotContain("J45.909", "E78.00");
    }

    @Test
    void theReasonTheClinicianGivesIsLookedUpInTheIndex() {
        // the phrase table has no row for it; the Alphabetic Index has "Sepsis"; the hedged diagnosis after it is not coded
        assertThat(codes("Doctor: She is here for sepsis, and I wonder whether it could be cholangitis.\nNurse: Okay.\n"))
                .contains("A41.9").doesNotContain("K83.09");
    }

    @Test
    void feelingAboutToFaintIsSyncope() {
        assertThat(codes("Patient: Every time I stand up I feel like I'm going to faint.\n")).contains("R55");
    }

    @Test
    void howTheInjuryHappenedIsItsExternalCauseAfterIt() {
        // Index to External Causes: "Bite, bitten by, dog" W54.0 with the injury's 7th character
        assertThat(codes("Doctor: What happened to your right hand?\nPatient: My neighbour's dog bit me yesterday.\n"))
                .endsWith("W54.0XXA").first().asString().startsWith("S61.45");
        // the most specific mechanism told: "Fall, falling, down, stairs, steps"
        assertThat(codes("Guest_family: She fell down the stairs and got a deep cut on her forearm.\n"))
                .containsExactly("S51.819A", "W10.9XXA");
        // no injury, no external cause; "Fracture" alone is X58 in that index, which says nothing
        assertThat(codes("Patient: I fell asleep early and woke up with a bad headache.\n")).containsExactly("R51.9");
        assertThat(coder.suggest("Fracture of the right wrist.", "").stream().map(Diagnosis::code).toList())
                .noneMatch(c -> c.startsWith("X58"));
    }

    @Test
    void aConditionTheClinicianTreatsIsFoundAndNotPeeingIsRetention() {
        assertThat(codes("Doctor: I am going to start you on antibiotics for that ulcer on your left foot.\nPatient: Okay.\n"))
                .containsExactly("L97.529");
        assertThat(codes("Patient: I have not been able to pee since last night.\n")).containsExactly("R33.9");
    }
}
