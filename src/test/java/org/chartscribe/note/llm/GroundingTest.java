package org.chartscribe.note.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.NoteWarning;
import org.chartscribe.note.SoapPart;
import org.junit.jupiter.api.Test;

class GroundingTest {

    private static final String TRANSCRIPT = """
            Doctor: Your blood pressure is one forty over ninety today.
            Patient: My knees hurt on both sides, and I have had high blood pressure for years.
            Doctor: Are you taking anything for it? Any diabetes?
            Patient: Advil sometimes. No diabetes.
            Doctor: I think this is osteoarthritis of the knees.
            """;

    private static List<NoteWarning> check(SoapPart part, String text) {
        return Grounding.check(TRANSCRIPT, Map.of(part, List.of(new NoteSection("Heading", text, List.of()))));
    }

    @Test
    void whatWasSaidInOtherWordsIsSupported() {
        assertThat(check(SoapPart.OBJECTIVE, "BP 140/90.")).isEmpty();
        assertThat(check(SoapPart.SUBJECTIVE, "Bilateral knee pain. Takes ibuprofen as needed. Denies diabetes.")).isEmpty();
        assertThat(check(SoapPart.ASSESSMENT, "Hypertension. Osteoarthritis of the knees.")).isEmpty();
    }

    @Test
    void eachUnsupportedFactIsAWarningWithItsSectionKindAndText() {
        List<NoteWarning> w = check(SoapPart.PLAN, "Start metformin 500 mg for diabetes; right knee injection.");
        assertThat(w).allSatisfy(x -> {
            assertThat(x.code()).isEqualTo("UNSUPPORTED_FACT");
            assertThat(x.section()).isEqualTo("plan");
        });
        assertThat(w).extracting(NoteWarning::text)
                .anySatisfy(t -> assertThat(t).contains("drug \"metformin\"", "\"Heading\""))
                .anySatisfy(t -> assertThat(t).contains("number \"500\""))
                .anySatisfy(t -> assertThat(t).contains("side \"right\""))
                .anySatisfy(t -> assertThat(t).contains("diagnosis \"diabetes\""));
    }

    @Test
    void aFamilyMemberNamedWithAConditionSupportsOnlyAFamilyHistory() {
        String transcript = "Patient: My mother has diabetes. I have had asthma since I was a kid.";
        Map<SoapPart, List<NoteSection>> note = Map.of(SoapPart.SUBJECTIVE, List.of(
                new NoteSection("Family History", "Mother with diabetes.", List.of()),
                new NoteSection("Past Medical History", "Asthma since childhood. Diabetes.", List.of())));
        assertThat(Grounding.check(transcript, note)).singleElement()
                .satisfies(w -> assertThat(w.text()).contains("diagnosis \"Diabetes\"", "Past Medical History"));
    }

    @Test
    void aDiagnosisNeverNamedIsFlagged() {
        assertThat(check(SoapPart.ASSESSMENT, "Gout of the left knee.")).extracting(NoteWarning::text)
                .anySatisfy(t -> assertThat(t).contains("diagnosis \"Gout\""));
    }
}
