package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Specialty;
import org.chartscribe.note.Template;
import org.junit.jupiter.api.Test;

/** Results out of the exam and vitals only under Vital Signs; dialogues written for these tests. */
class ResultsPlacementTest {

    private static final String VISIT = """
            Doctor: How have you been since the fall?
            Patient: My left wrist still aches when I lift things.
            Doctor: Okay. Your blood pressure today is 132 over 84 and your heart rate is 76.
            Doctor: On exam, there is tenderness over the left wrist.
            Doctor: I reviewed the x-ray of your left wrist and it shows no fracture, but there is mild arthritis.
            Doctor: The echocardiogram showed an ejection fraction of 55 percent with mild mitral regurgitation.
            Doctor: Your heart has a regular rate and rhythm.
            Doctor: I think this is a left wrist sprain. We will use a splint.
            """;

    private static String section(DraftNote note, String heading) {
        return note.sections().get(SoapPart.OBJECTIVE).stream().filter(s -> s.heading().equals(heading))
                .map(NoteSection::text).collect(Collectors.joining(" "));
    }

    private static DraftNote note(String transcript, Specialty specialty) {
        return new EmbeddedNoteEngine().generate(new NoteRequest(transcript, specialty, Template.STANDARD, false, null));
    }

    @Test
    void imagingIsAResultsLineWithTestSideAndFindings() {
        DraftNote note = note(VISIT, Specialties.generic());
        String results = section(note, "Results");
        assertThat(results).contains("Left wrist x-ray: no fracture, mild arthritis.");
        assertThat(results).contains("Echocardiogram: EF 55%, mild mitral regurgitation.");
        String exam = section(note, "Physical Examination");
        assertThat(exam).doesNotContainIgnoringCase("x-ray").doesNotContainIgnoringCase("fracture")
                .doesNotContainIgnoringCase("echocardiogram").doesNotContain("55");
        assertThat(note.warnings()).isEmpty(); // nothing the transcript does not support
    }

    @Test
    void vitalsAreWrittenFromTheirValuesAndOnlyUnderVitalSigns() {
        DraftNote note = note(VISIT, Specialties.generic());
        assertThat(section(note, "Vital Signs")).isEqualTo("BP 132/84, HR 76.");
        assertThat(section(note, "Physical Examination")).doesNotContain("132").contains("Tenderness over the left wrist.");
    }

    @Test
    void aBareImagingFindingJoinsTheStudyNamedBeforeIt() {
        String transcript = """
                Doctor: On exam, there is swelling of the right ankle.
                Doctor: Now I reviewed the x-ray of your right ankle.
                Doctor: There is no acute fracture, which is good news.
                """;
        DraftNote note = note(transcript, Specialties.generic());
        assertThat(section(note, "Results")).contains("Right ankle x-ray: no fracture.");
        assertThat(section(note, "Physical Examination")).doesNotContainIgnoringCase("fracture");
    }

    @Test
    void aNegatedReadingIsNotTurnedIntoItsOpposite() {
        String transcript = """
                Doctor: Your white blood cell count is not elevated, which is reassuring.
                """;
        String objective = note(transcript, Specialties.generic()).sections().get(SoapPart.OBJECTIVE).stream()
                .map(NoteSection::text).collect(Collectors.joining(" "));
        assertThat(objective).doesNotContain(": elevated");
    }

    @Test
    void aSpecialtysOwnResultsHeadingTakesTheResult() {
        String transcript = """
                Doctor: On exam, there is swelling over the left front leg.
                Doctor: The x-ray of the left front leg shows no fracture.
                """;
        DraftNote vet = note(transcript, Specialties.byId("veterinary").orElseThrow());
        assertThat(section(vet, "Diagnostics")).isEqualTo("Left leg x-ray: no fracture.");
        assertThat(section(vet, "Physical Examination")).doesNotContainIgnoringCase("fracture");
    }

    @Test
    void findingsAreReadWithTheirNegationAndSize() {
        assertThat(ResultLines.findings(" showed no fracture or dislocation but a small effusion"))
                .containsExactly("no fracture", "no dislocation", "small effusion");
        assertThat(ResultLines.findings(" was normal")).containsExactly("normal");
    }

    @Test
    void aFractureTheClinicianReadsOffTheImageIsAResultNotHistory() {
        DraftNote note = note("""
                Doctor: What happened to your thumb?
                Patient: I caught my right thumb in the car door on Monday.
                Doctor: Okay, let's pull up the x-ray of your right thumb.
                Doctor: So right here at the tip, you actually have a small fracture.
                Doctor: We will put you in a thumb splint.
                """, Specialties.generic());
        assertThat(section(note, "Results")).contains("x-ray").contains("fracture");
        assertThat(note.render(SoapPart.SUBJECTIVE)).doesNotContain("fracture");
    }

    @Test
    void aReadingSaidBeforeALabsNameIsThatLabsReading() {
        String transcript = """
                Doctor: Her follow-up blood work revealed a low hemoglobin, stable hematocrit and normal platelets.
                """;
        String objective = note(transcript, Specialties.generic()).sections().get(SoapPart.OBJECTIVE).stream()
                .map(NoteSection::text).collect(Collectors.joining(" "));
        assertThat(objective).contains("Hemoglobin: low.").contains("Hematocrit: stable.").doesNotContain("Hemoglobin: stable")
                .doesNotContain("Blood work: low"); // the reading is the named lab's
    }
}
