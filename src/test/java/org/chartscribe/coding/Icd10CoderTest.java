package org.chartscribe.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.note.BillingCodes.Diagnosis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Icd10CoderTest {

    private static final Icd10CodeSet BUILT_IN = Icd10CodeSetLoader.builtin();
    private final Icd10Coder coder = new Icd10Coder(BUILT_IN);

    private List<String> codes(String assessment) {
        return coder.suggest(assessment, "").stream().map(Diagnosis::code).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HTN.|I10", "T2DM.|E11.9", "Diabetes.|E11.9", "Type 1 diabetes.|E10.9", "CHF.|I50.9", "COPD.|J44.9",
            "GERD.|K21.9", "UTI.|N39.0", "URI.|J06.9", "OA.|M19.90", "LBP.|M54.50", "Migraines.|G43.909",
            "Kidney stones.|N20.0", "Hypothyroidism.|E03.9", "Depression.|F32.A", "Generalized anxiety disorder.|F41.1",
            "Strep throat.|J02.0", "Acute sinusitis.|J01.90", "Chronic sinusitis.|J32.9", "Asthma exacerbation.|J45.901",
            "Dental caries.|K02.9", "Irreversible pulpitis.|K04.02", "ADHD.|F90.9", "Transient tics.|F95.0",
            "Plantar fasciitis.|M72.2", "Major depressive disorder, moderate.|F32.1", "Severe major depressive disorder.|F32.2",
            "Major depressive disorder, recurrent, mild.|F33.0", "MDD, severe.|F32.2", "Status post renal transplant.|Z94.0", "Acute esophagitis.|K20.90"})
    void mapsPhrasesAndAbbreviations(String assessment, String code) {
        assertThat(codes(assessment)).first().isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "History of colon cancer.|Z85.038", "Personal history of breast cancer.|Z85.3",
            "History of prostate cancer, PSA undetectable.|Z85.46", "History of melanoma.|Z85.820",
            "Colon cancer.|C18.9", "History of present illness: colon cancer.|C18.9"})
    void aCancerCalledAHistoryIsItsPersonalHistoryCode(String assessment, String code) {
        assertThat(codes(assessment)).containsExactly(code);
    }

    @Test
    void aRelativesConditionIsItsFamilyHistoryNeverThePatientsCondition() {
        assertThat(codes("Family history of colon cancer.")).containsExactly("Z80.0");
        assertThat(codes("Family history of breast cancer.")).containsExactly("Z80.3");
        assertThat(codes("Hypertension. Family history of diabetes.")).containsExactly("I10", "Z83.3");
        assertThat(codes("Family history of migraines.")).isEmpty(); // no family-history row: not coded at all
        // asked in the conversation and denied: nothing from the question
        assertThat(coder.suggest("Hypertension.", "[doctor] Any family history of diabetes?\n[patient] No, none.\n")
                .stream().map(Diagnosis::code).toList()).containsExactly("I10");
    }

    @Test
    void anInjurySeenAgainWhileItHealsGetsTheSubsequentEncounterCharacter() {
        assertThat(codes("Right ankle sprain.")).containsExactly("S93.401A");
        assertThat(codes("Follow-up of right ankle sprain, healing.")).containsExactly("S93.401D");
        assertThat(codes("Left distal radius fracture, healing well in the cast.")).first().asString().endsWith("D");
        assertThat(codes("Recheck of laceration of the right hand.")).containsExactly("S61.411D");
    }

    @Test
    void uncertainDiagnosesAreNotCodedButTheirSymptomsAre() {
        assertThat(codes("Right knee pain, possible medial collateral ligament strain.")).containsExactly("M25.561");
        assertThat(codes("Chest pain, rule out myocardial infarction.")).containsExactly("R07.9");
        assertThat(codes("Left shoulder pain, likely rotator cuff tendinopathy.")).containsExactly("M25.512");
        assertThat(codes("Cough. Suspected pneumonia.")).containsExactly("R05.9");
    }

    @Test
    void negatedConditionsAreNotCoded() {
        assertThat(codes("Lumbar strain.\nNo evidence of fracture or radiculopathy.")).containsExactly("S39.012A");
        assertThat(codes("She denies chest pain.")).isEmpty();
        assertThat(codes("Diabetes, not well controlled.")).containsExactly("E11.65");
    }

    @Test
    void lateralityFromTheStatementOrTheProblemBlock() {
        assertThat(codes("Right ankle sprain.")).containsExactly("S93.401A");
        assertThat(codes("Left ankle sprain of the lateral ligament complex.")).containsExactly("S93.492A");
        assertThat(codes("Carpal tunnel syndrome.\n- Symptoms in both hands, bilateral on exam.")).containsExactly("G56.03");
        assertThat(codes("Carpal tunnel syndrome.")).containsExactly("G56.00");
        // No bilateral code exists: a coder reports right and left.
        assertThat(codes("Bilateral medial epicondylitis.")).containsExactlyInAnyOrder("M77.01", "M77.02");
        assertThat(codes("Bilateral knee osteoarthritis.")).containsExactly("M17.0");
    }

    @Test
    void anUnspecifiedCodeGivesWayOnlyToOneThatSaysTheSameMoreExactly() {
        // the same ulcer said without and with its side: one code, never both (L97.509 with L97.519)
        assertThat(codes("Non-pressure chronic ulcer of the foot.\nUlcer of the right foot, non-pressure chronic ulcer."))
                .contains("L97.519").doesNotContain("L97.509");
        // vomiting is not a more exact nausea: both are kept, as the one combination code
        assertThat(codes("Nausea.\nVomiting.")).containsExactly("R11.2");
        assertThat(codes("Vomiting.")).containsExactly("R11.10");
    }

    @Test
    void injuriesGetTheEpisodeOfCare() {
        assertThat(codes("Right wrist Colles fracture.")).containsExactly("S52.531A");
        assertThat(codes("Right wrist Colles fracture, routine healing on today's film.")).containsExactly("S52.531D");
        assertThat(codes("Lumbar strain, sequela.")).containsExactly("S39.012S");
    }

    @Test
    void trimesterFromWeeksOrWords() {
        assertThat(codes("Routine prenatal visit at 24 weeks gestation.")).containsExactly("Z34.92");
        assertThat(codes("Gestational hypertension, third trimester.")).containsExactly("O13.3");
        assertThat(codes("UTI in pregnancy, 10 weeks pregnant.")).containsExactly("O23.41");
        assertThat(codes("Preeclampsia.")).containsExactly("O14.90");
    }

    @Test
    void combinationCodesAndExcludesOnePairs() {
        // the Tabular's "use additional code" notes list the combination first (I11.0, then the I50 type)
        assertThat(codes("Congestive heart failure.\nHypertension.")).containsExactly("I11.0", "I50.9");
        assertThat(codes("Hypertension.\nChronic kidney disease stage 3a.")).containsExactly("I12.9", "N18.31");
        assertThat(codes("Non-healing ulcer, right foot.\nDiabetes.")).containsExactly("E11.621", "L97.519");
        // M54.5- Excludes1 S39.012: the strain explains the pain
        assertThat(codes("Low back pain.\nLumbar strain.")).containsExactly("S39.012A");
        // R73.9 Excludes1 diabetes
        assertThat(codes("Hyperglycemia.\nType 2 diabetes.")).containsExactly("E11.9");
        assertThat(codes("Smoking.\nTobacco use.")).containsExactly("F17.210");
    }

    @Test
    void principalFirstThenProblemsThenHistory() {
        String assessment = """
                Martha is a 50-year-old female with a past medical history significant for asthma who presents for her annual exam.
                Depression.
                • Medical Reasoning: She is doing well with weekly therapy.
                Healthcare maintenance.
                """;
        List<Diagnosis> result = coder.suggest(assessment, "");
        assertThat(result).extracting(Diagnosis::code).containsExactly("Z00.00", "F32.A", "J45.909");
        assertThat(result.get(0).confidence()).isGreaterThan(result.get(2).confidence());
        assertThat(result.get(2).rationale()).contains("history");
    }

    @Test
    void counsellingAndTestNamesAreNotDiagnoses() {
        assertThat(codes("Hypertension.\n- I explained the risks of stroke and heart attack.\n- Ordered a stress test.")).containsExactly("I10");
        assertThat(codes("Preventative health.\n- She will get the shingles vaccine.")).doesNotContain("B02.9");
    }

    @Test
    void anAssessmentOfOnlyTheComplaintStillCodesThePatientsOtherComplaints() {
        String transcript = "Doctor: How are you today?\nPatient: Not well. I have had this cough and a pain in my stomach for two days.\n"
                + "Doctor: Let me examine your abdomen.";
        List<String> codes = coder.suggest("Abdominal pain.", transcript).stream().map(Diagnosis::code).toList();
        assertThat(codes).contains("R10.9", "R05.9");
    }

    @Test
    void aSymptomAtASiteIsSupportedByTheSiteTheVisitNamed() {
        String transcript = "[doctor] what brings you in?\n[patient] my right knee, it hurts when i climb stairs.";
        Diagnosis d = coder.suggest("Right knee pain.", transcript).get(0);
        assertThat(d.code()).isEqualTo("M25.561");
        assertThat(d.evidence()).isNotEmpty();
        assertThat(d.evidence()).allSatisfy(e -> assertThat(transcript.substring(e.start(), e.end())).isEqualTo("knee"));
    }

    @Test
    void evidenceOffsetsPointIntoTheTranscript() {
        String transcript = "[doctor] how is your blood pressure?\n[patient] my blood pressure has been high. i have high blood pressure.";
        Diagnosis d = coder.suggest("Hypertension.", transcript).get(0);
        assertThat(d.code()).isEqualTo("I10");
        assertThat(d.evidence()).isNotEmpty();
        assertThat(d.evidence()).allSatisfy(e -> assertThat(transcript.substring(e.start(), e.end())).containsIgnoringCase("blood pressure"));
        assertThat(d.rationale()).contains("\"Hypertension\" is a problem in the assessment");
    }

    @Test
    void everySuggestionIsABillableCodeWithItsTitle() {
        for (Diagnosis d : coder.suggest("Knee pain.\nAsthma.\nAnnual exam.\nAnkle sprain.\nFracture of the left toe.\nOtitis media.", "")) {
            assertThat(BUILT_IN.isBillable(d.code())).as(d.code()).isTrue();
            assertThat(d.description()).isEqualTo(BUILT_IN.title(d.code()).orElseThrow());
        }
    }

    @Test
    void everySynonymTemplateResolvesToABuiltInCode() {
        Specificity specificity = new Specificity(BUILT_IN);
        for (SynonymTable.Entry e : SynonymTable.builtin().entries()) {
            for (Specificity.Side side : Specificity.Side.values()) {
                List<String> codes = specificity.resolve(e.templates(), e.bilateral(),
                        new Specificity.Context(side, 2, 'A')).codes();
                // The built-in subset lacks some unspecified-side codes (the full set has them): then the
                // phrase yields nothing rather than a wrong side.
                if (side != Specificity.Side.UNSPECIFIED) {
                    assertThat(codes).as(String.join(" ", e.phrase()) + " " + side).isNotEmpty();
                }
                assertThat(codes).allMatch(BUILT_IN::isBillable);
            }
        }
    }

    @Test
    void sitesJoinedBeforeOnePainAreEachAPain() {
        assertThat(codes("Neck and low back pain.")).containsExactly("M54.2", "M54.50");
        assertThat(codes("Shoulder and elbow pain on the left.")).contains("M25.512", "M25.522");
        // "and" between a diagnosis and a pain is no coordination
        assertThat(codes("Hypertension and knee pain.")).containsExactly("I10", "M25.569");
    }

    @Test
    void theIndexDefaultsWhereTheHandTableDisagreed() {
        // "Sinusitis (chronic)" J32.9 unless acute; "Swelling, leg" M79.89 (edema is R60)
        assertThat(codes("Sinusitis.")).containsExactly("J32.9");
        assertThat(codes("Swelling of both legs.")).containsExactly("M79.89");
        assertThat(codes("Left leg pain.")).containsExactly("M79.605");
    }
}
