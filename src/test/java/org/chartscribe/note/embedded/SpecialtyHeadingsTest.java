package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Specialty;
import org.chartscribe.note.Template;
import org.junit.jupiter.api.Test;

/** Every specialty files sentences under its own headings, for every template it allows. */
class SpecialtyHeadingsTest {

    private static final String EMS = """
            Paramedic: What happened today?
            Patient: I fell off a ladder about 8 feet and landed on my left side.
            Paramedic: Blood pressure is 142/90, heart rate 104, oxygen saturation 96 percent.
            Paramedic: Airway is patent, breathing is unlabored. There is tenderness over the left ribs.
            Paramedic: We established IV access and placed a c-collar.
            Paramedic: This is likely a rib fracture from a fall.
            Paramedic: We will transport you to County General and hand off to the trauma team.
            """;

    private static final List<String> TRANSCRIPTS = List.of(Transcripts.LOW_BACK_PAIN,
            Transcripts.HYPERTENSION_DICTATION, Transcripts.PHYSICAL_THERAPY, Transcripts.PSYCHIATRY,
            Transcripts.DENTIST, Transcripts.VETERINARY, EMS);

    @Test
    void allTwentyFourSpecialtiesUseOnlyTheirOwnHeadings() {
        assertThat(Specialties.all()).hasSize(24);
        EmbeddedNoteEngine engine = new EmbeddedNoteEngine();
        for (Specialty specialty : Specialties.all()) {
            for (Template template : Template.allowedFor(specialty)) {
                if (template == Template.PROBLEM_ORIENTED || template.behaviouralOnly()) {
                    continue; // problem labels and BIRP/DAP headings are checked in EmbeddedNoteEngineTest
                }
                for (String t : TRANSCRIPTS) {
                    DraftNote note = engine.generate(new NoteRequest(t, specialty, template, false, null));
                    EmbeddedNoteEngineTest.assertGroundedAndValid(t, note);
                    for (SoapPart part : SoapPart.values()) {
                        assertThat(note.sections(part)).extracting(NoteSection::heading)
                                .as("%s %s %s", specialty.id(), template.id(), part)
                                .isSubsetOf(specialty.headings(part));
                    }
                }
            }
        }
    }

    @Test
    void emsUsesMechanismInterventionsAndTransport() {
        DraftNote note = EmbeddedNoteEngineTest.generate(EMS, "emergency_medical_services", Template.STANDARD);
        EmbeddedNoteEngineTest.assertGroundedAndValid(EMS, note);
        assertThat(EmbeddedNoteEngineTest.headingText(note, SoapPart.SUBJECTIVE, "Mechanism of Injury"))
                .contains("fell off a ladder");
        assertThat(EmbeddedNoteEngineTest.headingText(note, SoapPart.OBJECTIVE, "Vital Signs")).contains("142/90");
        assertThat(EmbeddedNoteEngineTest.headingText(note, SoapPart.OBJECTIVE, "Interventions"))
                .contains("iv access");
        assertThat(EmbeddedNoteEngineTest.headingText(note, SoapPart.PLAN, "Transport")).contains("county general");
        assertThat(EmbeddedNoteEngineTest.text(note, SoapPart.ASSESSMENT)).contains("rib fracture");
    }

    @Test
    void eachSpecialtyHasSpecificHeadingsBeyondTheGenericOnes() {
        assertThat(Specialties.byId("physical_therapy").orElseThrow().headings(SoapPart.OBJECTIVE))
                .contains("Range of Motion", "Strength");
        assertThat(Specialties.byId("psychiatrist").orElseThrow().headings(SoapPart.OBJECTIVE))
                .contains("Mental Status Exam");
        assertThat(Specialties.byId("psychiatrist").orElseThrow().headings(SoapPart.ASSESSMENT))
                .contains("Risk Assessment");
        assertThat(Specialties.byId("dentist").orElseThrow().headings(SoapPart.OBJECTIVE)).contains("Teeth and Surfaces");
        assertThat(Specialties.byId("veterinary").orElseThrow().headings(SoapPart.SUBJECTIVE))
                .contains("Signalment", "Owner Report");
        assertThat(Specialties.byId("paramedic").orElseThrow().headings(SoapPart.PLAN)).contains("Transport");
    }
}
