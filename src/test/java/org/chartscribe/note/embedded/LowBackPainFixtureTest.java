package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Template;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Quality bugs once seen on the nurse-practitioner low back pain fixture; each must stay fixed. */
class LowBackPainFixtureTest {

    private static String transcript;
    private static DraftNote note;

    @BeforeAll
    static void generate() throws IOException {
        try (InputStream in = LowBackPainFixtureTest.class.getResourceAsStream("/fixtures/low-back-pain-np.txt")) {
            transcript = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        note = new EmbeddedNoteEngine().generate(new NoteRequest(transcript,
                Specialties.byId("nurse_practitioner").orElseThrow(), Template.STANDARD, false, null));
    }

    private static String all() {
        StringBuilder sb = new StringBuilder();
        for (SoapPart part : SoapPart.values()) {
            sb.append(note.render(part)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void rewrittenFindingsAgreeInNumber() {
        String objective = note.render(SoapPart.OBJECTIVE);
        // charted by body system, the finding drops its "There is" ("Musculoskeletal: Tenderness over ...")
        assertThat(objective).contains("Musculoskeletal: Tenderness over the lumbar paraspinal muscles")
                .doesNotContain("There are tenderness")
                .contains("There are no signs of a disc herniation")
                .doesNotContain("There is no signs");
    }

    @Test
    void announcementsOfTheExamAreNotFindings() {
        assertThat(all().toLowerCase()).doesNotContain("let me examine").doesNotContain("examine them");
    }

    @Test
    void aRelativeWithoutAConditionIsNotFamilyHistory() {
        assertThat(note.sections(SoapPart.SUBJECTIVE)).extracting(NoteSection::heading)
                .doesNotContain("Family History");
        assertThat(EmbeddedNoteEngineTest.headingText(note, SoapPart.SUBJECTIVE, "History of Present Illness"))
                .contains("after moving a couch");
    }

    @Test
    void anAnswersLeadingNoIsFoldedIntoAStatement() {
        String subjective = note.render(SoapPart.SUBJECTIVE);
        assertThat(subjective).doesNotContain("No, it stays")
                .contains("The patient reports that the pain stays in their lower back.");
        assertThat(EmbeddedNoteEngineTest.headingText(note, SoapPart.SUBJECTIVE, "Review of Systems"))
                .contains("denies numbness, tingling, or weakness").contains("denies trouble with their bladder");
    }

    @Test
    void theClinicianWishBecomesAnImperativePlanItem() {
        String plan = note.render(SoapPart.PLAN);
        assertThat(plan).contains("- Continue ibuprofen 400 mg three times daily with food for 2 weeks.").doesNotContain("I'd like")
                .doesNotContain("like them to");
    }

    @Test
    void assessmentAndPlanAreProblemOriented() {
        // "mechanical low back pain, most likely a lumbar muscle strain": the problem and its likely cause
        assertThat(note.render(SoapPart.ASSESSMENT)).contains("Mechanical low back pain.\nLikely lumbar muscle strain.");
        assertThat(EmbeddedNoteEngineTest.headingText(note, SoapPart.PLAN, "Plan"))
                .startsWith("lumbar muscle strain:\n- continue ibuprofen 400 mg three times daily with food for 2 weeks.")
                .contains("\n- refer to physical therapy.")
                .doesNotContain("we will", "them");
        assertThat(EmbeddedNoteEngineTest.headingText(note, SoapPart.PLAN, "Follow-up")).contains("4 weeks");
        // the complaint in the patient's terms, not the diagnosis
        assertThat(EmbeddedNoteEngineTest.headingText(note, SoapPart.SUBJECTIVE, "Chief Complaint"))
                .isEqualTo("lower back pain.");
    }

    @Test
    void theNoteIsGrounded() {
        EmbeddedNoteEngineTest.assertGroundedAndValid(transcript, note);
        assertThat(note.warnings()).isEmpty();
    }
}
