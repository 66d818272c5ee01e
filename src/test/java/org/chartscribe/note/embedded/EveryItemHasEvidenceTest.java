package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.Specialties;
import org.junit.jupiter.api.Test;

import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Template;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The README promises that every sentence of the note carries evidence offsets: every section of the
 * README's own examples (the dictated /v1 example and the FHIR dialogue) points into the transcript,
 * under every template a general specialty offers.
 */
class EveryItemHasEvidenceTest {

    static final String README_DICTATION = "Patient is a 42-year-old male presenting with persistent lower back pain "
            + "for 3 weeks after lifting a couch. Pain is 6/10, worse with bending, no radiation, no numbness or "
            + "weakness. Exam: lumbar paraspinal tenderness, flexion limited by pain, straight leg raise negative "
            + "bilaterally. Assessment: mechanical lower back pain, likely muscular. Plan: ibuprofen 400 mg three "
            + "times daily with food, physical therapy referral, follow-up in 4 weeks.";
    static final String README_DIALOGUE = "Doctor: What brings you in? Patient: My lower back has hurt for three weeks "
            + "since I lifted a couch. Doctor: There is tenderness over the lumbar muscles. This is a lumbar strain. "
            + "Take ibuprofen 400 mg three times a day and follow up in four weeks.";

    @ParameterizedTest
    @CsvSource({
        "dictation, nurse_practitioner, STANDARD", "dictation, nurse_practitioner, BRIEF",
        "dictation, nurse_practitioner, DETAILED", "dictation, nurse_practitioner, PROBLEM_ORIENTED",
        "dictation, physical_therapy, STANDARD", "dictation, generic, STANDARD",
        "dialogue, nurse_practitioner, STANDARD", "dialogue, nurse_practitioner, PROBLEM_ORIENTED",
        "dialogue, generic, BRIEF"})
    void everySectionOfTheReadmeExamplesHasEvidence(String which, String specialty, Template template) {
        String transcript = which.equals("dictation") ? README_DICTATION : README_DIALOGUE;
        DraftNote note = EmbeddedNoteEngineTest.generate(transcript, specialty, template);
        for (SoapPart part : SoapPart.values()) {
            for (NoteSection section : note.sections(part)) {
                assertThat(section.evidence()).as("%s / %s evidence", part, section.heading()).isNotEmpty();
                section.evidence().forEach(e -> assertThat(e.end()).isLessThanOrEqualTo(transcript.length()));
            }
        }
    }

    /**
     * On every ACI-Bench dialogue (when the shared data set sits next to the project, read in place),
     * the only sections without evidence are the placeholders that say nothing was said.
     */
    @Test
    void onAciBenchOnlyNothingDocumentedPlaceholdersLackEvidence() throws IOException {
        Path dir = Path.of("../shared/data/aci-bench/data/challenge_data");
        assumeTrue(Files.exists(dir.resolve("train.csv")),
                "ACI-Bench not present: needs ../shared/data/aci-bench/data/challenge_data/train.csv (see docs/EVALUATION.md)");
        List<Map<String, String>> rows = new ArrayList<>(CsvRows.parse(Files.readString(dir.resolve("train.csv"))));
        EmbeddedNoteEngine engine = new EmbeddedNoteEngine();
        List<String> missing = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String dialogue = row.get("dialogue");
            for (Template template : Template.values()) {
                if (template == Template.BIRP || template == Template.DAP) {
                    continue;
                }
                DraftNote note = engine.generate(new NoteRequest(dialogue, Specialties.generic(), template, false, null));
                for (SoapPart part : SoapPart.values()) {
                    for (NoteSection section : note.sections(part)) {
                        if (section.evidence().isEmpty() && !section.text().endsWith(" documented in the transcript.")) {
                            missing.add(template + "/" + part + "/" + section.heading() + ": " + section.text());
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
