package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Template;
import org.junit.jupiter.api.Test;

/** Exam findings grouped by body system, exam talk left out; dialogues written for these tests. */
class ExamBySystemTest {

    private static final String KNEE_VISIT = """
            Doctor: What brings you in today?
            Patient: My right knee has been hurting for two weeks since I twisted it playing soccer.
            Doctor: Any fever?
            Patient: No.
            Doctor: Okay, let me examine you. Go ahead and lie back on the table.
            Doctor: Does it hurt when I press on the inside of your right knee?
            Patient: Ouch, yes.
            Doctor: On exam, there is a small effusion of the right knee.
            Doctor: I do hear a 2/6 systolic murmur.
            Doctor: Your lungs are clear to auscultation bilaterally.
            Doctor: Take a deep breath for me.
            Doctor: I think this is a medial collateral ligament sprain of the right knee.
            Doctor: We will start a knee brace and physical therapy.
            """;

    private static String section(DraftNote note, String heading) {
        return note.sections().get(SoapPart.OBJECTIVE).stream().filter(s -> s.heading().equals(heading))
                .map(NoteSection::text).collect(Collectors.joining(" "));
    }

    private static DraftNote note(String transcript, Template template) {
        return new EmbeddedNoteEngine().generate(new NoteRequest(transcript, Specialties.generic(), template, false, null));
    }

    @Test
    void findingsAreChartedUnderTheirBodySystem() {
        String exam = section(note(KNEE_VISIT, Template.STANDARD), "Physical Examination");
        assertThat(exam).contains("Cardiovascular: 2/6 systolic murmur.");
        assertThat(exam).contains("Respiratory: Lungs clear to auscultation bilaterally.");
        assertThat(exam).contains("Musculoskeletal:");
        assertThat(exam).contains("Small effusion of the right knee.");
        // the conventional order: respiratory before cardiovascular before musculoskeletal
        assertThat(exam.indexOf("Respiratory:")).isLessThan(exam.indexOf("Cardiovascular:"));
        assertThat(exam.indexOf("Cardiovascular:")).isLessThan(exam.indexOf("Musculoskeletal:"));
    }

    @Test
    void vitalsSaidInDigitsAtTheEndOfASentenceKeepTheirValues() {
        String transcript = """
                Doctor: Blood pressure is 140 over 90.
                Doctor: Heart rate is 82.
                Doctor: The patient reports lower back pain for two weeks after lifting a heavy box.
                """;
        assertThat(section(note(transcript, Template.STANDARD), "Vital Signs")).isEqualTo("BP 140/90, HR 82.");
    }

    @Test
    void aPainfulAnswerToPalpationOfANamedSiteIsTenderness() {
        String exam = section(note(KNEE_VISIT, Template.STANDARD), "Physical Examination");
        assertThat(exam).contains("Tenderness on palpation of the medial right knee.");
        assertThat(exam.toLowerCase()).doesNotContain("ouch");
    }

    @Test
    void aManoeuvreWithoutANamedSiteChartsNothing() {
        String transcript = """
                Doctor: Let me take a look at that shoulder now.
                Doctor: Does it hurt when I press right here?
                Patient: Yes, that hurts.
                Doctor: There is no swelling of the left shoulder.
                """;
        String objective = note(transcript, Template.STANDARD).sections().get(SoapPart.OBJECTIVE).stream()
                .map(NoteSection::text).collect(Collectors.joining(" "));
        assertThat(objective).doesNotContain("Tenderness");
        assertThat(objective).doesNotContainIgnoringCase("press");
    }

    @Test
    void aDeniedManoeuvreIsANegativeFinding() {
        String transcript = """
                Doctor: Now I'm going to examine your ankle.
                Doctor: Does it hurt when I bend your left ankle?
                Patient: No, not at all.
                """;
        assertThat(section(note(transcript, Template.STANDARD), "Physical Examination"))
                .contains("No pain with flexion of the left ankle.");
    }

    @Test
    void instructionsToThePatientNeverReachTheExam() {
        String exam = section(note(KNEE_VISIT, Template.STANDARD), "Physical Examination").toLowerCase();
        assertThat(exam).doesNotContain("deep breath").doesNotContain("lie back").doesNotContain("go ahead");
    }

    @Test
    void everyExamLineKeepsItsEvidence() {
        for (NoteSection s : note(KNEE_VISIT, Template.STANDARD).sections().get(SoapPart.OBJECTIVE)) {
            assertThat(s.evidence()).as(s.heading()).isNotEmpty();
        }
    }

    @Test
    void fragmentsDropTheSubjectAChartLeavesOut() {
        assertThat(ExamSystems.fragment("She has tenderness over the medial knee.")).isEqualTo("Tenderness over the medial knee.");
        assertThat(ExamSystems.fragment("There is no edema.")).isEqualTo("No edema.");
        assertThat(ExamSystems.fragment("Looking at him, his neck is supple.")).isEqualTo("Neck is supple.");
        assertThat(ExamSystems.fragment("He has been limping.")).isEqualTo("He has been limping.");
        assertThat(ExamSystems.of("tenderness in the right upper quadrant")).isEqualTo("Abdomen");
        assertThat(ExamSystems.of("erythema over the left knee")).isEqualTo("Musculoskeletal");
        assertThat(ExamSystems.of("a rash on the forearm")).isEqualTo("Skin");
    }

    @Test
    void bodySystemsLeaveTheTemplatesShapes() {
        for (Template template : List.of(Template.BIRP, Template.DAP)) {
            DraftNote note = note(KNEE_VISIT, template);
            assertThat(note.sections().get(SoapPart.OBJECTIVE)).isNotEmpty();
        }
    }
}
