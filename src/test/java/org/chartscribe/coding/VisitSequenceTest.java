package org.chartscribe.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.note.BillingCodes.Diagnosis;
import org.junit.jupiter.api.Test;

/**
 * Outpatient sequencing (guideline IV.G): the condition chiefly responsible for the visit is listed first,
 * whatever order the assessment takes the problems in. Encounters written for these tests.
 */
class VisitSequenceTest {

    private final Icd10Coder coder = new Icd10Coder(Icd10CodeSetLoader.builtin());

    private List<String> codes(String assessment, String transcript) {
        return coder.suggest(assessment, transcript).stream().map(Diagnosis::code).toList();
    }

    @Test
    void theReasonTheClinicianGivesGoesFirstAndTheChronicConditionFollows() {
        String transcript = """
                [doctor] so mary is a 60-year-old female with a past medical history of hypertension who presents today \
                with some chest pain .
                [patient] it started two days ago when i was gardening .
                [doctor] okay . and your blood pressure medicine , are you taking it ?
                [patient] yes , every day .
                """;
        List<Diagnosis> dx = coder.suggest("Hypertension. Continue lisinopril.\nChest pain. ECG today.", transcript);
        assertThat(dx).extracting(Diagnosis::code).containsExactly("R07.9", "I10");
        assertThat(dx.get(0).rationale()).contains("first-listed").contains("IV.G");
        // without a transcript there is no stated reason: the assessment's order stands
        assertThat(codes("Hypertension. Continue lisinopril.\nChest pain. ECG today.", null)).containsExactly("I10", "R07.9");
    }

    @Test
    void aSymptomGivenAsTheReasonGivesWayToTheDiagnosisThatExplainsIt() {
        String transcript = """
                [doctor] so rachel is a 48-year-old female here for shortness of breath . she has a history of depression .
                [patient] i get winded walking up my driveway .
                """;
        assertThat(codes("Depression. Continue sertraline.\nCOPD. Start an inhaler.", transcript))
                .first().isEqualTo("J44.9");
    }

    @Test
    void historyAfterTheReasonIsNotTheReason() {
        String transcript = """
                [doctor] gabriel is a 43-year-old male here for a sore throat and also has a past medical history \
                of diabetes .
                [patient] it hurts to swallow .
                """;
        List<String> codes = codes("Type 2 diabetes. Continue metformin.\nPharyngitis. Salt water gargles.", transcript);
        assertThat(codes).first().isEqualTo("J02.9");
        assertThat(codes).contains("E11.9");
    }

    @Test
    void bodySystemsComeFromTheDataFile() {
        BodySystems systems = BodySystems.builtin();
        assertThat(systems.explains("R07.9", "I25.10")).isTrue();
        assertThat(systems.explains("R07.9", "I10")).isFalse(); // hypertension does not account for chest pain
        assertThat(systems.explains("R06.02", "J44.9")).isTrue();
        assertThat(systems.explains("M25.561", "M17.11")).isTrue();
        assertThat(systems.explains("Z00.00", "I10")).isFalse(); // not a symptom in the table
    }
    @Test
    void useAdditionalCodeNotesPutTheCombinationBeforeTheCodeThatCompletesIt() {
        // the visit is chiefly for the heart failure, said first; I11.0 still precedes the I50 code (Tabular note)
        String transcript = """
                [doctor] you're here today for your heart failure follow-up .
                [patient] yes , my ankles are less swollen .
                """;
        List<Diagnosis> dx = coder.suggest("Diastolic heart failure. Continue furosemide.\nHypertension.", transcript);
        assertThat(dx).extracting(Diagnosis::code).containsExactly("I11.0", "I50.30");
        assertThat(dx.get(0).rationale()).contains("listed before I50.30");
        // diabetes with a foot ulcer: E11.621 before the L97 site code
        assertThat(codes("Non-pressure chronic ulcer of the right foot.\nType 2 diabetes.", null))
                .containsSubsequence("E11.621", "L97.519");
    }

    @Test
    void aMalformedCodeFirstLineIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CodeFirst.parse("t.tsv", "I11\tI50\n"))
                .isInstanceOf(CodeSetFormatException.class);
    }
}
