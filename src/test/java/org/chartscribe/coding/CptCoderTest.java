package org.chartscribe.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chartscribe.coding.OfficeVisitLevel.Level;
import org.chartscribe.note.BillingCodes.Procedure;
import org.junit.jupiter.api.Test;

class CptCoderTest {

    private final CptCoder coder = new CptCoder(CptCodeSet.builtin());

    /** Each suggestion as "code" or "code [modifiers]"; the code itself is always the bare 5 characters. */
    private List<String> codes(String transcript, String specialty, List<String> icd10) {
        List<Procedure> out = coder.suggest(new CptCoder.Input(transcript, specialty, icd10, null));
        assertThat(out).extracting(Procedure::code).allMatch(c -> c.matches("[0-9]{4}[0-9A-Z]|[A-Z][0-9]{4}"));
        return out.stream().map(CptCoderTest::shown).toList();
    }

    private static String shown(Procedure p) {
        return p.modifiers().isEmpty() ? p.code() : p.code() + " " + p.modifiers();
    }

    @Test
    void mdmIsTheMiddleOfProblemsDataAndRisk() {
        assertThat(new OfficeVisitLevel.Mdm(Level.MODERATE, Level.STRAIGHTFORWARD, Level.MODERATE).overall()).isEqualTo(Level.MODERATE);
        assertThat(new OfficeVisitLevel.Mdm(Level.HIGH, Level.LOW, Level.STRAIGHTFORWARD).overall()).isEqualTo(Level.LOW);
        assertThat(new OfficeVisitLevel.Mdm(Level.MINIMAL, Level.STRAIGHTFORWARD, Level.MINIMAL).overall()).isEqualTo(Level.STRAIGHTFORWARD);
    }

    @Test
    void workedExampleStableChronicIllnessesWithPrescriptionManagementIs99214() {
        // Two chronic illnesses (moderate problems), refill of lisinopril (moderate risk), an A1c ordered (minimal data).
        String t = "[doctor] your blood pressure looks good. we'll refill your lisinopril 20 mg. i'll order an a1c.";
        assertThat(codes(t, "physician", List.of("I10", "E11.9"))).containsExactly("99214");
    }

    @Test
    void workedExampleAcuteUncomplicatedIllnessWithOverTheCounterCareIs99213() {
        String t = "[doctor] this is a cold. rest, fluids and tylenol as needed. we'll check a strep swab and a flu swab.";
        assertThat(codes(t, "physician", List.of("J00"))).first().isEqualTo("99213");
    }

    @Test
    void workedExampleSelfLimitedProblemWithoutTreatmentIs99212() {
        assertThat(codes("[doctor] the rash is a mild irritation that will go away on its own.", "physician", List.of("R21")))
                .containsExactly("99212");
    }

    @Test
    void statedTotalTimeWinsWhenHigherAndNewPatientsUse9920x() {
        String t = "[doctor] nice to meet you. [doctor] i spent 50 minutes today reviewing records and counselling you.";
        Procedure p = coder.suggest(new CptCoder.Input(t, "physician", List.of("R21"), null)).get(0);
        assertThat(p.code()).isEqualTo("99204");
        assertThat(p.rationale()).startsWith("new patient; total time 50 minutes");
        assertThat(OfficeVisitLevel.timeLevel(40, false)).isEqualTo(5);
        assertThat(OfficeVisitLevel.timeLevel(9, false)).isZero();
    }

    @Test
    void procedureDoneTodayAddsItsCodeAndModifier25() {
        String t = "[doctor] your knee arthritis is flaring. i'm going to give you a cortisone injection in your right knee today.";
        assertThat(codes(t, "physician", List.of("M17.11"))).containsExactly("99213 [25]", "20610");
    }

    @Test
    void proceduresOnlyConsideredAreNotCoded() {
        String t = "[doctor] if it does not improve we could consider a cortisone injection in the knee.";
        assertThat(codes(t, "physician", List.of("M17.11"))).noneMatch(c -> c.startsWith("206"));
    }

    @Test
    void videoVisitsCarryModifier95AndEkgNeedsNoModifier25() {
        assertThat(codes("[doctor] thanks for joining the video visit. let's continue your lisinopril.", "physician",
                List.of("I10"))).first().asString().matches("992[01][0-9] \\[95\\]");
        assertThat(codes("[doctor] we'll do an ekg today. continue your metoprolol.", "physician", List.of("I10")))
                .contains("93000").noneMatch(c -> c.contains("25]"));
    }

    @Test
    void preventiveVisitByAgeAndProblemVisitWithModifier25WhenManaged() {
        List<Procedure> out = coder.suggest(new CptCoder.Input(
                "[doctor] let's do your annual exam. we'll increase your lisinopril to 40 mg.", "physician",
                List.of("Z00.00", "I10"), 52));
        assertThat(out).extracting(Procedure::code).containsExactly("99396", "99213");
        assertThat(out.get(1).modifiers()).containsExactly("25");
        assertThat(out.get(1).rationale()).contains("modifier 25: significant, separately identifiable E/M");
        assertThat(codes("[doctor] let's do your annual exam. all looks good.", "physician", List.of("Z00.00")))
                .isEmpty(); // no age known: no preventive code guessed
    }

    @Test
    void eightMinuteRuleUnits() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("97110", 33);
        m.put("97140", 7);
        // 40 timed minutes = 3 units: 2 full for exercise, the third to the largest remainder (manual 7 > exercise 3).
        assertThat(TherapyUnits.units(m)).containsExactly(Map.entry("97110", 2), Map.entry("97140", 1));
        assertThat(TherapyUnits.units(Map.of("97110", 7))).isEmpty();
        assertThat(TherapyUnits.units(Map.of("97110", 8))).containsEntry("97110", 1);
        assertThat(TherapyUnits.units(Map.of("97110", 23))).containsEntry("97110", 2);
    }

    @Test
    void physicalTherapyEvaluationAndTimedServices() {
        String t = "[therapist] this is your initial evaluation. we did 25 minutes of therapeutic exercise and 13 minutes of manual therapy.";
        List<Procedure> out = coder.suggest(new CptCoder.Input(t, "physical_therapy", List.of("M54.50", "E11.9", "I10"), null));
        assertThat(out).extracting(Procedure::code).containsExactly("97162", "97110", "97140");
        assertThat(out.get(1).rationale()).startsWith("2 units");
        assertThat(out.get(2).rationale()).startsWith("1 unit ");
    }

    @Test
    void psychotherapyByTime() {
        assertThat(codes("[therapist] we met for 45 minutes today.", "psychotherapist", List.of("F41.1"))).containsExactly("90834");
        assertThat(codes("[therapist] session total of 30 minutes.", "psychotherapist", List.of("F41.1"))).containsExactly("90832");
        assertThat(codes("[therapist] we spent 55 minutes on the video visit.", "psychotherapist", List.of("F41.1"))).containsExactly("90837 [95]");
        assertThat(codes("[therapist] this is our intake session.", "psychotherapist", List.of())).containsExactly("90791");
    }

    @Test
    void dentistryHasNoCptVisit() {
        assertThat(codes("[dentist] you have a cavity on tooth 14.", "dentist", List.of("K02.9"))).isEmpty();
    }

    /** One sentence per procedure rule: each is found, so the cheap word test before the rules lets it through. */
    @Test
    void everyProcedureRuleIsReachedThroughTheWordPrefilter() {
        java.util.Map<String, String> said = java.util.Map.ofEntries(
                java.util.Map.entry("20610", "I'm going to do a steroid injection in your right knee."),
                java.util.Map.entry("20605", "I'm going to give you an injection in the left wrist."),
                java.util.Map.entry("20550", "Let's do an injection of the trigger finger."),
                java.util.Map.entry("20552", "I'll do a trigger point injection today."),
                java.util.Map.entry("96372", "We'll give you a Toradol shot now."),
                java.util.Map.entry("93000", "We will get an EKG today."),
                java.util.Map.entry("94060", "We will do spirometry before and after a bronchodilator."),
                java.util.Map.entry("94010", "Let's do a breathing test now."),
                java.util.Map.entry("94640", "We'll give you a nebulizer treatment here."),
                java.util.Map.entry("10060", "I'm going to do an incision and drainage of it."),
                java.util.Map.entry("69210", "I'll go ahead and remove the earwax."),
                java.util.Map.entry("11102", "I'm going to do a shave biopsy of the lesion."),
                java.util.Map.entry("17110", "Let's freeze the warts today."),
                java.util.Map.entry("12001", "I'm going to put in some stitches."),
                java.util.Map.entry("29125", "We will put on a wrist splint."),
                java.util.Map.entry("29515", "We will put on an ankle splint."),
                java.util.Map.entry("87880", "We'll do a rapid strep test."),
                java.util.Map.entry("87804", "We'll do a flu swab."),
                java.util.Map.entry("81002", "We will do a urinalysis."),
                java.util.Map.entry("81025", "We will do a pregnancy test."),
                java.util.Map.entry("82962", "Let me do a fingerstick."),
                java.util.Map.entry("90471", "We'll give you your tetanus shot today."));
        assertThat(said.keySet()).containsExactlyInAnyOrderElementsOf(CptCoder.procedureCodes());
        said.forEach((code, sentence) -> assertThat(CptCoder.procedures("Doctor: " + sentence)).as(sentence).containsKey(code));
    }
}
