package org.chartscribe.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.clinical.Medication.Status;
import org.junit.jupiter.api.Test;

class MedicationExtractorTest {

    private static List<Medication> meds(String text) {
        return ClinicalExtractor.extract(text).medications();
    }

    @Test
    void doseRouteFrequencyAndExactSpan() {
        String text = "Start lisinopril 20 mg by mouth once a day.";
        Medication m = meds(text).get(0);
        assertThat(m.name()).isEqualTo("lisinopril");
        assertThat(m.display()).isEqualTo("lisinopril 20 mg oral daily");
        assertThat(m.status()).isEqualTo(Status.STARTED);
        assertThat(text.substring(m.start(), m.end())).isEqualTo("lisinopril 20 mg");
    }

    @Test
    void spokenDosesAndBrandNames() {
        Medication m = meds("I take Advil, about four hundred milligrams twice a day").get(0);
        assertThat(m.name()).isEqualTo("ibuprofen");
        assertThat(m.brandNameUsed()).isTrue();
        assertThat(m.display()).isEqualTo("ibuprofen 400 mg twice daily");
        assertThat(m.status()).isEqualTo(Status.CONTINUED);
    }

    @Test
    void doseBeforeTheName() {
        String text = "she takes 81 mg of aspirin daily";
        Medication m = meds(text).get(0);
        assertThat(m.display()).isEqualTo("aspirin 81 mg daily");
        assertThat(text.substring(m.start(), m.end())).isEqualTo("81 mg of aspirin");
    }

    @Test
    void longestNameWins() {
        assertThat(meds("on insulin glargine 20 units at bedtime")).extracting(Medication::display)
                .containsExactly("insulin glargine 20 units at bedtime");
    }

    @Test
    void eachDrugGetsItsOwnStatus() {
        assertThat(meds("I stopped the ibuprofen and started naproxen 500 mg twice daily"))
                .extracting(Medication::name, Medication::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ibuprofen", Status.STOPPED),
                        org.assertj.core.groups.Tuple.tuple("naproxen", Status.STARTED));
    }

    @Test
    void statusCues() {
        assertThat(meds("let's increase your metformin to 1000 mg twice a day").get(0))
                .extracting(Medication::status, Medication::display)
                .containsExactly(Status.CHANGED, "metformin 1000 mg twice daily");
        assertThat(meds("please continue the atorvastatin").get(0).status()).isEqualTo(Status.CONTINUED);
        assertThat(meds("don't stop your Eliquis").get(0)).extracting(Medication::name, Medication::status)
                .containsExactly("apixaban", Status.CONTINUED);
        assertThat(meds("I'm going to start you on amlodipine 5 mg").get(0).status()).isEqualTo(Status.STARTED);
        assertThat(meds("I'm not taking any aspirin").get(0).status()).isEqualTo(Status.NOT_TAKING);
        assertThat(meds("tylenol helps a little").get(0).status()).isEqualTo(Status.MENTIONED);
        assertThat(meds("hold the metformin tonight").get(0).status()).isEqualTo(Status.STOPPED);
        assertThat(meds("it's holding steady on the torsemide").get(0).status()).isNotEqualTo(Status.STOPPED);
        assertThat(meds("amoxicillin, 500 milligrams, three times a day").get(0).frequency())
                .isEqualTo("three times daily");
        assertThat(meds("metformin 500 mg 2 times a day").get(0).frequency()).isEqualTo("twice daily");
        assertThat(meds("albuterol two puffs every four to six hours as needed").get(0).frequency())
                .isEqualTo("every 4-6 hours");
    }

    @Test
    void aListSharesItsVerb() {
        assertThat(meds("we will start lisinopril and metformin today")).extracting(Medication::status)
                .containsExactly(Status.STARTED, Status.STARTED);
        assertThat(meds("I take lisinopril and I stopped the metformin")).extracting(Medication::status)
                .containsExactly(Status.CONTINUED, Status.STOPPED);
    }

    @Test
    void aNameTakenBackIsNotCharted() {
        assertThat(meds("we'll treat you with penicillin or, i'm sorry, amoxicillin 500 milligrams three times a day"))
                .extracting(Medication::name, Medication::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("amoxicillin", Status.STARTED));
    }

    @Test
    void aDrugStartedAtAnEarlierVisitIsTakenNow() {
        assertThat(meds("do you feel better since we've put you on the protonix").get(0).status())
                .isEqualTo(Status.CONTINUED);
        assertThat(meds("I'm going to put you on protonix").get(0).status()).isEqualTo(Status.STARTED);
    }

    @Test
    void traps() {
        assertThat(meds("I'm allergic to penicillin")).isEmpty();            // an allergy, not a medication
        assertThat(meds("for your lower back pain take ibuprofen").get(0).status()).isNotEqualTo(Status.CHANGED);
        assertThat(meds("she is a nurse at the hospital")).isEmpty();
        assertThat(meds("Take Tylenol 500 mg. Your blood pressure is 120 over 80").get(0).dose()).hasToString("500");
        assertThat(meds("aspirin. 200 mg of something else")).extracting(Medication::dose).containsOnlyNulls();
        assertThat(meds("naprosyn five hundred five hundred milligrams twice a day").get(0).dose()).hasToString("500");
    }

    @Test
    void aDrugNamedRightAfterItWasAnnouncedIsStarted() {
        String turn = "[doctor] i'll give you something to take the edge off the pain for a few days. so, naproxen, "
                + "five hundred milligrams, twice a day with food.";
        assertThat(meds(turn).get(0)).extracting(Medication::status, Medication::display)
                .containsExactly(Status.STARTED, "naproxen 500 mg twice daily");
        // a question about the drug, another speaker's turn, or no announcement: not a start
        assertThat(meds("[doctor] i'll give you something for the pain. have you ever taken naproxen?").get(0).status())
                .isEqualTo(Status.MENTIONED);
        assertThat(meds("[doctor] i'll give you something for the pain.\n[patient] naproxen works for me.").get(0)
                .status()).isNotEqualTo(Status.STARTED);
        assertThat(meds("[doctor] your knee looks swollen. so, naproxen, five hundred milligrams.").get(0).status())
                .isEqualTo(Status.MENTIONED);
    }
}
