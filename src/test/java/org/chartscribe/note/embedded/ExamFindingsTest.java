package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Template;
import org.junit.jupiter.api.Test;

/** Positive exam findings, results out of the exam, exam and plan talk left out; dialogues written for these tests. */
class ExamFindingsTest {

    private static DraftNote note(String transcript) {
        return new EmbeddedNoteEngine().generate(new NoteRequest(transcript, Specialties.generic(), Template.STANDARD,
                false, null));
    }

    private static String objective(DraftNote note, String heading) {
        return note.sections().get(SoapPart.OBJECTIVE).stream().filter(s -> s.heading().equals(heading))
                .map(NoteSection::text).collect(Collectors.joining(" "));
    }

    private static String part(DraftNote note, SoapPart part) {
        return note.sections().get(part).stream().map(NoteSection::text).collect(Collectors.joining(" "));
    }

    @Test
    void positivesInALongDictatedTurnReachTheExamWithSiteAndSide() {
        String transcript = """
                Doctor: What brings you in?
                Patient: I twisted my left knee playing soccer on saturday.
                Doctor: okay let me examine you now on your heart exam i can hear a two out of six systolic ejection murmur and your lungs are clear and on your left knee exam there is a small effusion and you do have some decreased range of motion of the left knee and pain with flexion and extension of the knee and there is tenderness to palpation of the medial left knee
                Doctor: I think you sprained the knee. We will get you a brace.
                """;
        String exam = objective(note(transcript), "Physical Examination");
        assertThat(exam).contains("Cardiovascular:").containsPattern("2 out of (?:6|six) systolic ejection murmur");
        String knee = exam.substring(exam.indexOf("Musculoskeletal:"));
        assertThat(knee).containsIgnoringCase("small effusion").containsIgnoringCase("range of motion of the left knee");
        assertThat(exam.substring(0, exam.indexOf("Musculoskeletal:"))).doesNotContainIgnoringCase("knee");
        assertThat(exam).containsIgnoringCase("tenderness to palpation of the medial left knee");
        assertThat(exam).doesNotContainIgnoringCase("examine").doesNotContainIgnoringCase("right");
    }

    @Test
    void aFindingAskedAboutOrDeniedIsNotChartedAsPositive() {
        String transcript = """
                Doctor: Any swelling in your right ankle?
                Patient: No, none at all.
                Doctor: On exam your lungs are clear and there is no effusion of the right knee.
                """;
        String exam = objective(note(transcript), "Physical Examination");
        assertThat(exam).doesNotContainIgnoringCase("swelling of the right ankle")
                .doesNotContainPattern("(?<!No )[Ee]ffusion of the right knee");
    }

    @Test
    void anEchoSaidInPlainWordsIsAResultWithItsValueNotAnExamLine() {
        String transcript = """
                Doctor: On exam your heart has a regular rate and rhythm.
                Doctor: Let's look at your echocardiogram from last month.
                Doctor: The echo showed the pumping function of your heart at about 40 percent.
                Doctor: We will repeat it next year.
                """;
        DraftNote note = note(transcript);
        assertThat(objective(note, "Results")).contains("Echocardiogram: EF 40%");
        assertThat(objective(note, "Physical Examination")).doesNotContain("40").doesNotContainIgnoringCase("pumping");
    }

    @Test
    void aStudyFindingCutFromItsSentenceIsComposedFromTheWholeSentence() {
        String transcript = """
                Doctor: So this is the result of the echocardiogram we did then.
                Doctor: It showed that you have that low-ish pumping function of your heart at about 40 % okay?
                """;
        EncounterFacts facts = EncounterFacts.of(org.chartscribe.transcript.TranscriptParser.parse(transcript));
        String said = transcript.substring(transcript.indexOf("It showed"), transcript.indexOf(" okay?"));
        int at = transcript.indexOf("your heart");
        assertThat(ResultLines.composedFromSaid(said,
                java.util.List.of(new org.chartscribe.note.Evidence(at, at + 20)), facts))
                .hasValueSatisfying(line -> assertThat(line).startsWith("Echocardiogram: EF 40%"));
    }

    @Test
    void aLowValueIsNeverChartedAsNormal() {
        String transcript = """
                Doctor: On exam your neck is supple.
                Doctor: Your TSH came back low, and the rest of the thyroid panel was normal.
                """;
        String results = objective(note(transcript), "Results");
        assertThat(results).contains("TSH: low").doesNotContain("TSH: normal");
    }

    @Test
    void planTalkAndDeniedSymptomsLeaveTheExam() {
        String transcript = """
                Doctor: On exam there is tenderness over the right shoulder.
                Doctor: The risks of surgery include infection and bleeding.
                Doctor: No chest pain?
                Patient: No.
                Doctor: I'm going to examine your abdomen now.
                Doctor: Your abdomen is soft.
                """;
        DraftNote note = note(transcript);
        String exam = objective(note, "Physical Examination");
        assertThat(exam).containsIgnoringCase("tenderness").containsIgnoringCase("abdomen soft")
                .doesNotContainIgnoringCase("risks").doesNotContainIgnoringCase("examine")
                .doesNotContainIgnoringCase("chest pain");
    }

    @Test
    void aLabValueSaidWithItsReadingKeepsTheValue() {
        String transcript = """
                Doctor: On exam your neck is supple.
                Doctor: Your hemoglobin A1c has been a bit high at 9.1, so we need to work on that.
                """;
        assertThat(objective(note(transcript), "Results")).contains("Hemoglobin A1c: 9.1");
    }

    @Test
    void aVitalSignsLabelGoesWithTheValueTheGuardRemoves() {
        java.util.Map<SoapPart, java.util.List<NoteSection>> sections = new java.util.EnumMap<>(SoapPart.class);
        sections.put(SoapPart.OBJECTIVE, java.util.List.of(new NoteSection("Vital Signs", "BP 150/95, HR 64.",
                java.util.List.of())));
        String checked = GroundingGuard.check("Doctor: Your heart rate is 64 today.", sections).sections()
                .get(SoapPart.OBJECTIVE).get(0).text();
        assertThat(checked).isEqualTo("HR 64.");
        sections.put(SoapPart.OBJECTIVE, java.util.List.of(new NoteSection("Vital Signs", "BP 118/76, HR 99.",
                java.util.List.of())));
        assertThat(GroundingGuard.check("Doctor: Blood pressure 118 over 76.", sections).sections()
                .get(SoapPart.OBJECTIVE).get(0).text()).isEqualTo("BP 118/76.");
    }

    @Test
    void coveredWhenTheKeptExamSaysTheSameFindingOnTheSameSite() {
        assertThat(ExamFindings.covered("Tenderness to palpation of the right knee.",
                "musculoskeletal: pain to palpation of the right knee.")).isTrue();
        assertThat(ExamFindings.covered("Small effusion of the right knee.",
                "musculoskeletal: pain to palpation of the right knee.")).isFalse();
        assertThat(ExamFindings.covered("Grade 3 out of 6 systolic murmur.", "cardiovascular: 3/6 murmur.")).isTrue();
    }

    @Test
    void aSymptomDeniedDuringTheExamIsAReviewOfSystemsNegativeNotAFinding() {
        String transcript = """
                Doctor: What brings you in today?
                Patient: My right knee has been sore for a week.
                Doctor: Let me examine you. Your lungs are clear.
                Doctor: No chest pain.
                Doctor: On your right knee exam there is tenderness to palpation of the medial right knee.
                """;
        DraftNote note = note(transcript);
        assertThat(objective(note, "Physical Examination")).doesNotContainIgnoringCase("chest pain");
        assertThat(part(note, SoapPart.SUBJECTIVE)).contains("Denies chest pain.");
    }
}
