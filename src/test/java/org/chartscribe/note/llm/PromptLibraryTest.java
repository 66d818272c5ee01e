package org.chartscribe.note.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.PatientHints;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Specialty;
import org.chartscribe.note.Template;
import org.junit.jupiter.api.Test;

class PromptLibraryTest {
    private static final PromptLibrary PROMPTS = new PromptLibrary();

    @Test
    void everySpecialtyAndTemplateHasACompletePromptWithItsHeadings() {
        for (Specialty specialty : Specialties.all()) {
            for (Template template : Template.allowedFor(specialty)) {
                String system = PROMPTS.messages(new NoteRequest("Doctor: hello there.", specialty, template, true,
                        PatientHints.NONE)).get(0).text();
                assertThat(system).as(specialty.id() + "/" + template.id()).doesNotContain("{{")
                        .contains(specialty.name(), "Not discussed.", "character for character");
                for (Map.Entry<SoapPart, List<String>> e : PromptLibrary.headings(specialty, template).entrySet()) {
                    assertThat(system).contains("- " + e.getKey().key() + ": " + String.join("; ", e.getValue()));
                }
            }
        }
    }

    @Test
    void theBirpLayoutReplacesTheSpecialtyHeadings() {
        Specialty psych = Specialties.byId("psychotherapist").orElseThrow();
        assertThat(PromptLibrary.headings(psych, Template.BIRP).get(SoapPart.OBJECTIVE)).containsExactly("Intervention");
    }

    @Test
    void placeholdersInsideTheTranscriptAreNotExpanded() {
        String transcript = "Patient: my notes say {{codes_rule}} and {{transcript}}.";
        String user = PROMPTS.messages(new NoteRequest(transcript, Specialties.generic(), Template.STANDARD, false,
                new PatientHints(42, "female"))).get(1).text();
        assertThat(user).contains(transcript, "age 42, sex female");
    }
}
