package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.chartscribe.note.SoapPart;
import org.chartscribe.transcript.Role;
import org.junit.jupiter.api.Test;

class SentenceClassifierTest {

    private static SoapPart clinician(String sentence) {
        return SentenceClassifier.divisionOf(sentence, Role.CLINICIAN).orElse(null);
    }

    @Test
    void vitalsAndExamFindingsAreObjective() {
        assertThat(clinician("Blood pressure is 128/82.")).isEqualTo(SoapPart.OBJECTIVE);
        assertThat(clinician("Lungs are clear to auscultation.")).isEqualTo(SoapPart.OBJECTIVE);
        assertThat(clinician("There is tenderness over the medial joint line.")).isEqualTo(SoapPart.OBJECTIVE);
    }

    @Test
    void negatedFindingsAreStillObjectiveExam() {
        assertThat(clinician("No edema.")).isEqualTo(SoapPart.OBJECTIVE);
        assertThat(clinician("No murmurs, rubs or gallops.")).isEqualTo(SoapPart.OBJECTIVE);
    }

    @Test
    void clinicalJudgementIsAssessment() {
        assertThat(clinician("I think this is a rotator cuff strain.")).isEqualTo(SoapPart.ASSESSMENT);
        assertThat(clinician("This is consistent with plantar fasciitis.")).isEqualTo(SoapPart.ASSESSMENT);
        assertThat(clinician("Her diabetes is well controlled.")).isEqualTo(SoapPart.ASSESSMENT);
    }

    @Test
    void intentionsArePlanEvenWhenHedged() {
        assertThat(clinician("We'll start you on amoxicillin.")).isEqualTo(SoapPart.PLAN);
        assertThat(clinician("I'm going to refer you to cardiology.")).isEqualTo(SoapPart.PLAN);
        assertThat(clinician("i also wan na order an x-ray of your knee .")).isEqualTo(SoapPart.PLAN);
        assertThat(clinician("Follow up in 2 weeks.")).isEqualTo(SoapPart.PLAN);
        assertThat(clinician("Continue metformin.")).isEqualTo(SoapPart.PLAN);
    }

    @Test
    void historyIsSubjective() {
        assertThat(clinician("She reports chest pain for two days.")).isEqualTo(SoapPart.SUBJECTIVE);
        assertThat(clinician("Denies fever or chills.")).isEqualTo(SoapPart.SUBJECTIVE);
    }

    @Test
    void patientQuestionIsNotAPlan() {
        assertThat(SentenceClassifier.divisionOf("Should I start taking ibuprofen for it?", Role.PATIENT)).isEmpty();
        assertThat(SentenceClassifier.divisionOf("I'll follow up with my dentist next week.", Role.PATIENT))
                .contains(SoapPart.SUBJECTIVE);
        assertThat(SentenceClassifier.divisionOf("The swelling started on Monday.", Role.PATIENT))
                .contains(SoapPart.SUBJECTIVE);
    }

    @Test
    void tagQuestionsAreStatements() {
        assertThat(SentenceClassifier.isQuestion("we'll get an x-ray , okay ?")).isFalse();
        assertThat(SentenceClassifier.isQuestion("does it hurt when you walk ?")).isTrue();
        assertThat(SentenceClassifier.isQuestion("Tell me about your mood.")).isTrue();
        assertThat(SentenceClassifier.isQuestion("Okay, can you describe the pain for me.")).isTrue();
        assertThat(SentenceClassifier.isQuestion("Tell me if the pain gets worse.")).isFalse();
    }

    @Test
    void sectionLabelsAreRecognised() {
        assertThat(SectionLabels.match("Assessment: hypertension.")).hasValueSatisfying(
                h -> assertThat(h.parts()).containsExactly(SoapPart.ASSESSMENT));
        assertThat(SectionLabels.match("Plan: continue lisinopril.")).hasValueSatisfying(
                h -> assertThat(h.parts()).containsExactly(SoapPart.PLAN));
        assertThat(SectionLabels.match("Note: something")).isEmpty();
    }

    @Test
    void noteStyleTidiesSpeechWithoutAddingFacts() {
        assertThat(NoteStyle.rewrite("i , i have had um back pain for 3 weeks , you know .", Role.PATIENT))
                .isEqualTo("The patient has had back pain for 3 weeks.");
        assertThat(NoteStyle.rewrite("okay , so i wan na start you on 20 milligrams of lasix , okay ?", Role.CLINICIAN))
                .isEqualTo("I want to start them on 20 mg of lasix.");
        assertThat(NoteStyle.rewrite("my knee hurts when i do n't stretch .", Role.PATIENT))
                .isEqualTo("The patient's knee hurts when they don't stretch.");
    }

    @Test
    void groundingGuardRemovesWhatTheTranscriptDoesNotSay() {
        var sections = java.util.Map.of(SoapPart.PLAN, java.util.List.of(
                new org.chartscribe.note.NoteSection("Plan", "Start naproxen 500 mg on the left knee.", java.util.List.of())));
        var result = GroundingGuard.check("Doctor: start naproxen for the right knee.", sections);
        assertThat(result.sections().get(SoapPart.PLAN).get(0).text()).isEqualTo("Start naproxen on the knee.");
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("UNSUPPORTED_FACT");
            assertThat(w.section()).isEqualTo("plan");
            assertThat(w.text()).doesNotContain("500").doesNotContain("left");
        });
    }

    @Test
    void groundingGuardReadsBothKneesAsBilateralAndMendsTheOpeningItRemoves() {
        var sections = java.util.Map.of(SoapPart.ASSESSMENT, java.util.List.of(
                new org.chartscribe.note.NoteSection("Assessment", "Bilateral knee pain.\nLeft ankle sprain.", java.util.List.of())));
        var result = GroundingGuard.check("Patient: both of my knees hurt and my ankle is swollen.", sections);
        assertThat(result.sections().get(SoapPart.ASSESSMENT).get(0).text()).isEqualTo("Bilateral knee pain.\nAnkle sprain.");
        var unsupported = GroundingGuard.check("Patient: my knee hurts.", sections);
        assertThat(unsupported.sections().get(SoapPart.ASSESSMENT).get(0).text()).isEqualTo("Knee pain.\nAnkle sprain.");
    }

    private static java.util.List<String> charted(String transcript) {
        return SentenceClassifier.classify(org.chartscribe.transcript.TranscriptParser.parse(transcript)).stream()
                .map(Classified::text).toList();
    }

    @Test
    void instructionsToTheScribeAreNotCharted() {
        java.util.List<String> texts = charted("""
                Doctor: Use my knee template for this visit.
                Doctor: The knee has a small effusion and mild medial joint line tenderness.
                Doctor: In the assessment, please summarize the knee findings.
                Doctor: Finalize the note.
                Doctor: And we will use the normal new patient exam template for her.
                """);
        assertThat(texts).anyMatch(t -> t.contains("effusion"))
                .noneMatch(t -> t.toLowerCase().contains("template") || t.toLowerCase().contains("summarize")
                        || t.toLowerCase().contains("finalize"));
    }

    @Test
    void whatThePatientSaysDuringTheExamIsNotHistory() {
        java.util.List<String> texts = charted("""
                Patient: My left shoulder has been aching for two months.
                Doctor: Let me examine your shoulder now.
                Doctor: Does it hurt when I press here?
                Patient: Yes, that hurts a lot when you press on it.
                Doctor: There is tenderness over the bicipital groove.
                """);
        assertThat(texts).anyMatch(t -> t.contains("aching for two months") || t.contains("aching for 2 months"))
                .anyMatch(t -> t.contains("bicipital groove"))
                .noneMatch(t -> t.contains("hurts a lot"));
    }
}
