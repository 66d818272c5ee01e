package org.chartscribe.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.note.BillingCodes.Diagnosis;
import org.chartscribe.note.Evidence;
import org.junit.jupiter.api.Test;

/**
 * The coder reads the clinician's own assessment in the transcript, so a problem the generated note lost
 * is still coded. Encounters written for these tests.
 */
class TranscriptCodingTest {

    private final Icd10Coder coder = new Icd10Coder(Icd10CodeSetLoader.builtin());

    private List<Diagnosis> suggest(String assessment, String transcript) {
        return coder.suggest(assessment, transcript);
    }

    private List<String> codes(String assessment, String transcript) {
        return suggest(assessment, transcript).stream().map(Diagnosis::code).toList();
    }

    private static String said(String transcript, Evidence e) {
        return transcript.substring(e.start(), e.end());
    }

    @Test
    void aProblemTheNoteLostIsCodedFromTheClinicianWithExactEvidence() {
        String transcript = """
                [doctor] hi there , how have you been ?
                [patient] okay . my feet tingle a bit at night .
                [doctor] let's talk about my assessment and plan . for your first problem , your high blood pressure , \
                we'll stay on the amlodipine .
                [doctor] for your second problem , your type 2 diabetes , i'd like to add metformin 500 mg twice a day .
                """;
        List<Diagnosis> dx = suggest("Hypertension. Continue amlodipine.", transcript);
        assertThat(dx).extracting(Diagnosis::code).containsExactly("I10", "E11.9");
        Diagnosis diabetes = dx.get(1);
        assertThat(diabetes.evidence()).isNotEmpty();
        assertThat(diabetes.evidence()).anySatisfy(e -> assertThat(said(transcript, e)).isEqualTo("type 2 diabetes"));
        assertThat(diabetes.rationale()).contains("clinician").contains("conversation");
        for (Diagnosis d : dx) {
            assertThat(d.evidence()).allSatisfy(e -> assertThat(e.end()).isLessThanOrEqualTo(transcript.length()));
        }
    }

    @Test
    void uncertainOrNegatedStatementsAreNotCodedAsConfirmed() {
        String transcript = """
                [doctor] so for your first problem , the knee , we'll get an mri to rule out a meniscus tear .
                [doctor] your symptoms are consistent with an ankle sprain as well .
                [doctor] i don't think you have gout .
                [doctor] i want to check for a fracture with an x-ray just to make sure .
                """;
        List<String> codes = codes("Knee pain.", transcript);
        assertThat(codes).noneMatch(c -> c.startsWith("S83") || c.startsWith("S93") || c.startsWith("M10") || c.startsWith("S82"));
    }

    @Test
    void thePatientsWordsAndRelativesConditionsAreNotTheClinicansAssessment() {
        String transcript = """
                [doctor] how are things ?
                [patient] i think i have asthma and my back hurts .
                [doctor] your mother has breast cancer , you said ?
                [doctor] so your father has diabetes .
                [doctor] my assessment : your blood pressure is fine today .
                [doctor] and since your sister had breast cancer , we'll get a mammogram .
                """;
        assertThat(codes("Hypertension.", transcript)).containsExactly("I10");
    }

    @Test
    void symptomsComeFromTheConversationOnlyWhenTheClinicianNamesThemAsTheProblem() {
        String asked = """
                [doctor] any chest pain or shortness of breath ?
                [patient] some chest pain when i climb stairs .
                [doctor] okay , my assessment is that your blood pressure is too high .
                """;
        assertThat(codes("Hypertension.", asked)).containsExactly("I10");
        String named = """
                [doctor] so , my assessment . for your first problem , the chest pain , i'd like an ekg today .
                """;
        assertThat(codes("Hypertension.", named)).contains("R07.9");
    }

    @Test
    void anUncertainSpokenDiagnosisGivesThePainAtTheSiteTheClinicianNamed() {
        String transcript = """
                [doctor] here's what i'm thinking . for that left shoulder , i think you may have a rotator cuff tear .
                [doctor] and for your question about the ankle , it sounds like a sprain but let's get an x-ray .
                """;
        List<String> codes = codes("", transcript);
        assertThat(codes).contains("M25.512").noneMatch(c -> c.startsWith("S46") || c.startsWith("S93") || c.startsWith("M75"));
    }

    @Test
    void spokenLanguageStillMatches() {
        // a filler inside the phrase, a tag question, and the "<injury> of <site>" order
        assertThat(codes("", "[doctor] so , for your first problem , i think you have an acute lumbar , um , strain .\n"))
                .first().isEqualTo("S39.012A");
        assertThat(codes("", "[doctor] so for your asthma , let's continue the inhaler , okay ?\n")).contains("J45.909");
        assertThat(codes("", "[doctor] my assessment is that you have a strain of your right posterior cruciate ligament .\n"))
                .first().isEqualTo("S83.521A");
    }

    @Test
    void theFirstProblemTheClinicianTakesIsRankedFirst() {
        String transcript = """
                [doctor] let me go over my assessment and plan . for your first problem , your copd , we'll add an inhaler .
                [doctor] for your next problem , your gerd , keep taking the omeprazole .
                [doctor] and for your depression , we'll continue the sertraline .
                """;
        assertThat(codes("", transcript)).containsSubsequence("J44.9", "K21.9", "F32.A");
    }

    @Test
    void bothIsASideOnlyBeforeAPairedBodyPart() {
        assertThat(codes("Knee pain.\n- Pain on both flexion and extension.", "")).containsExactly("M25.569");
        assertThat(codes("Knee pain in both knees.", "")).containsExactly("M25.561", "M25.562");
    }

    @Test
    void theSideTheWholeConversationIsAboutFillsAMissingSide() {
        String oneSide = """
                [patient] i rolled my left ankle at practice .
                [doctor] let me look at the left ankle . swelling over the left lateral malleolus .
                [doctor] what you have is an ankle sprain .
                """;
        assertThat(codes("", oneSide)).containsExactly("S93.402A");
        String bothSides = """
                [patient] it's both my elbows , the right one more .
                [doctor] okay , the right elbow hurts with flexion , and the left elbow too .
                [doctor] what you have is medial epicondylitis .
                """;
        assertThat(codes("", bothSides)).containsExactlyInAnyOrder("M77.01", "M77.02");
    }

    @Test
    void withoutAnyAssessmentQuestionsAndRelativesAreStillNotCoded() {
        String transcript = """
                [doctor] do you have any family history of arthritis .
                [patient] my mother has breast cancer .
                [doctor] have you had any asthma .
                [patient] no . my knee sprain from last week still hurts .
                """;
        assertThat(codes("", transcript)).noneMatch(c -> c.startsWith("M19") || c.startsWith("C50") || c.startsWith("J45"));
        List<Diagnosis> unsupported = suggest("Hypertension.", "[doctor] you have completed your covid-19 , so that's good .\n");
        assertThat(unsupported).extracting(Diagnosis::code).containsExactly("I10");
        // the note's hypertension has no words in this transcript: kept for the coder, flagged, lower confidence
        assertThat(unsupported.get(0).evidence()).isEmpty();
        assertThat(unsupported.get(0).rationale()).endsWith("no supporting words found in the transcript");
        assertThat(unsupported.get(0).confidence()).isLessThan(suggest("Hypertension.", "").get(0).confidence());
    }

    @Test
    void aSpecifiedCodeReplacesTheUnspecifiedOneOfItsCategory() {
        assertThat(codes("Asthma.\nMild intermittent asthma.", "")).containsExactly("J45.20");
    }

    @Test
    void everySuggestionIsBillableInTheLoadedSet() {
        Icd10CodeSet tiny = new Icd10CodeSet(java.util.Map.of("I10", "Essential (primary) hypertension"), java.util.Set.of(),
                "FY2026", "test");
        String transcript = "[doctor] for your first problem , your type 2 diabetes , and your hypertension , continue.\n";
        assertThat(new Icd10Coder(tiny).suggest("Diabetes. Hypertension.", transcript)).extracting(Diagnosis::code)
                .containsExactly("I10");
    }
}
