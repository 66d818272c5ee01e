package org.chartscribe.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.transcript.TranscriptParser;
import org.junit.jupiter.api.Test;

class DiagnosisExtractorTest {

    private static List<Diagnosis> diagnoses(String text) {
        return ClinicalExtractor.extract(text).diagnoses();
    }

    private static Diagnosis only(String text) {
        List<Diagnosis> found = diagnoses(text);
        assertThat(found).as(text).hasSize(1);
        return found.get(0);
    }

    @Test
    void clinicianPhrasesWithExactSpans() {
        String text = "I think this is a lateral ankle sprain.";
        Diagnosis d = only(text);
        assertThat(d.phrase()).isEqualTo("lateral ankle sprain");
        assertThat(d.assertion().affirmed()).isTrue();
        assertThat(text.substring(d.start(), d.end())).isEqualTo("lateral ankle sprain");

        assertThat(only("Exam findings are consistent with plantar fasciitis.").condition()).isEqualTo("plantar fasciitis");
        assertThat(only("He has a diagnosis of high blood pressure.").condition()).isEqualTo("hypertension");
    }

    @Test
    void diagnosesAloneMatchTheFullExtraction() {
        String text = "Her mother had breast cancer. I think this is a lateral ankle sprain, we need to rule out a DVT.";
        assertThat(ClinicalExtractor.diagnoses(text)).isEqualTo(ClinicalExtractor.extract(text).diagnoses());
        assertThat(ClinicalExtractor.diagnoses(text)).hasSize(3);
    }

    @Test
    void hedgedDiagnosesAreUncertain() {
        assertThat(only("This is most likely a viral infection.").assertion().uncertain()).isTrue();
        Diagnosis ruleOut = only("We need to rule out a DVT.");
        assertThat(ruleOut.cue()).isEqualTo("rule out");
        assertThat(ruleOut.condition()).isEqualTo("deep vein thrombosis");
        assertThat(ruleOut.assertion().uncertain()).isTrue();
        assertThat(only("This is concerning for pneumonia.").assertion().uncertain()).isTrue();
        // the hedge said after the cue is context, not part of the condition's name
        Diagnosis hedged = only("I think this could be a sprain.");
        assertThat(hedged.phrase()).isEqualTo("sprain");
        assertThat(hedged.assertion().uncertain()).isTrue();
    }

    @Test
    void conditionMentionsCarryContext() {
        assertThat(only("No history of diabetes.").assertion().negated()).isTrue();
        assertThat(only("Her mother had breast cancer.").assertion().family()).isTrue();
        assertThat(only("I don't think this is a fracture.").assertion().negated()).isTrue();
        assertThat(only("The risks of the surgery include bleeding, infection and stroke.").assertion().hypothetical())
                .isTrue();
        assertThat(only("Untreated, this can lead to a heart attack.").assertion().hypothetical()).isTrue();
        Diagnosis htn = only("Your hypertension is well controlled.");
        assertThat(htn.cue()).isEqualTo("mention");
        assertThat(htn.assertion().affirmed()).isTrue();
    }

    @Test
    void patientGuessesInADialogueAreNotAssessments() {
        String dialogue = "[patient] I think it's a pulled muscle, honestly.\n[doctor] I think this is tendinitis.";
        List<Diagnosis> found = ClinicalExtractor.extract(TranscriptParser.parse(dialogue)).diagnoses();
        // the patient's words are a condition mention at most, never a clinician's diagnostic phrase
        assertThat(found).filteredOn(d -> !d.cue().equals("mention")).extracting(Diagnosis::phrase)
                .containsExactly("tendinitis");
    }

    @Test
    void historyInsideThePhraseBecomesContext() {
        Diagnosis gout = only("He has a history of gout.");
        assertThat(gout.phrase()).isEqualTo("gout");
        assertThat(gout.assertion().historical()).isTrue();
        Diagnosis stones = only("She has a family history of kidney stones.");
        assertThat(stones.phrase()).isEqualTo("kidney stones");
        assertThat(stones.assertion().family()).isTrue();
        assertThat(only("I think it's more of a muscular strain.").phrase()).isEqualTo("muscular strain");
    }

    @Test
    void questionsAreAnsweredNotDiagnosed() {
        Diagnosis d = only("[doctor] Any family history of diabetes?\n[patient] No.");
        assertThat(d.cue()).isEqualTo("mention");
        assertThat(d.assertion()).extracting(Assertion::asked, Assertion::negated, Assertion::family)
                .containsExactly(true, true, true);
    }

    @Test
    void traps() {
        assertThat(diagnoses("There is no tenderness at the CVA.")).isEmpty(); // costovertebral angle, not a stroke
        assertThat(diagnoses("So you have completed your covid-19 vaccines?")).extracting(Diagnosis::cue)
                .containsOnly("mention");
        assertThat(diagnoses("That's a concern for me when you drive.")).isEmpty();
        assertThat(diagnoses("I think this is a good plan.")).isEmpty();
        assertThat(diagnoses("You have to take it with food.")).isEmpty();
        assertThat(diagnoses("You'll likely need a few weeks.")).isEmpty();
        assertThat(diagnoses("Did you get your flu shot this year?")).isEmpty();
        assertThat(diagnoses("Put a cold compress on it.")).isEmpty();
    }
}
