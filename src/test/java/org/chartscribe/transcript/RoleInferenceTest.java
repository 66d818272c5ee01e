package org.chartscribe.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleInferenceTest {

    /** A recognizer tagged the clinician as the patient for the whole visit. */
    private static final String SWAPPED = """
            [patient] hi there what brings you in today
            [doctor] my back has been hurting for about a week
            [patient] do you have any numbness in your legs
            [doctor] no i don't think so
            [patient] have you taken anything for it
            [doctor] i've been taking ibuprofen and it helps a little
            [patient] okay let me take a look on exam there is tenderness over the lower back
            [patient] i want you to use ice and i'm going to prescribe a muscle relaxant any questions
            [doctor] no thank you doctor
            """;

    @Test
    void swappedLabelsAreCorrectedFromWhoAsksExaminesAndPrescribes() {
        Transcript t = TranscriptParser.parse(SWAPPED);
        assertThat(t.turns().get(0).role()).isEqualTo(Role.CLINICIAN);
        assertThat(t.turns().get(1).role()).isEqualTo(Role.PATIENT);
        assertThat(t.sentences()).filteredOn(s -> s.text().contains("prescribe"))
                .allSatisfy(s -> assertThat(s.speaker()).isEqualTo(Role.CLINICIAN));
    }

    @Test
    void correctLabelsAreKept() {
        String fixed = SWAPPED.replace("[patient]", "[x]").replace("[doctor]", "[patient]").replace("[x]", "[doctor]");
        Transcript t = TranscriptParser.parse(fixed);
        assertThat(t.turns().get(0).role()).isEqualTo(Role.CLINICIAN);
        assertThat(t.turns().get(1).role()).isEqualTo(Role.PATIENT);
    }

    @Test
    void guestLabelsAreCompanionsOrClinicians() {
        Transcript t = TranscriptParser.parse("[doctor] how is he eating\n[patient_guest] he eats well\n"
                + "Guest_clinician: I agree with the plan.\nGuest_family: He sleeps a lot.");
        assertThat(t.turns()).extracting(Turn::role)
                .containsExactly(Role.CLINICIAN, Role.OTHER, Role.CLINICIAN, Role.OTHER);
    }

    @Test
    void longUnpunctuatedSpeechIsSplitWithExactOffsets() {
        String src = "[doctor] okay so your knee has been hurting for a while now and it gets worse when you climb "
                + "stairs okay alright now i want to take a look at it do you have any swelling in the knee at night\n"
                + "[patient] no";
        Transcript t = TranscriptParser.parse(src);
        assertThat(t.turns().get(0).sentences()).hasSizeGreaterThan(2);
        for (Sentence s : t.sentences()) {
            assertThat(src.substring(s.start(), s.end())).isEqualTo(s.text());
        }
    }
}
