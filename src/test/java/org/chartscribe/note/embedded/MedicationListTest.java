package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.chartscribe.clinical.ClinicalExtractor;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Template;
import org.chartscribe.transcript.TranscriptParser;
import org.junit.jupiter.api.Test;

class MedicationListTest {

    private static final String VISIT = """
            Doctor: What are you taking right now?
            Patient: I take lisinopril 20 mg once a day and I use my albuterol inhaler when I need it.
            Patient: I stopped the aspirin last year because of bruising.
            Doctor: Your pressure is high today, so I want to increase the lisinopril to 40 mg a day.
            Doctor: I will also start amlodipine 5 mg daily.
            """;

    @Test
    void listsWhatThePatientIsOnNotWhatStartsOrStoppedToday() {
        var transcript = TranscriptParser.parse(VISIT);
        var list = MedicationList.of(ClinicalExtractor.extract(transcript).medications(), java.util.List.of());
        assertThat(list).isPresent();
        String text = list.get().text();
        assertThat(text).startsWith("Takes ").contains("lisinopril").contains("albuterol")
                .doesNotContain("amlodipine").doesNotContain("aspirin")
                // the new dose is the plan's; the list names the drug the patient was on
                .doesNotContain("40 mg");
        assertThat(list.get().headingHint()).isEqualTo("medications");
        assertThat(list.get().evidence()).allSatisfy(e -> assertThat(e.end()).isLessThanOrEqualTo(VISIT.length()));
    }

    @Test
    void theNoteCarriesTheListUnderMedications() {
        DraftNote note = EmbeddedNoteEngineTest.generate(VISIT, "physician", Template.STANDARD);
        EmbeddedNoteEngineTest.assertGroundedAndValid(VISIT, note);
        assertThat(EmbeddedNoteEngineTest.headingText(note, SoapPart.SUBJECTIVE, "Medications")).contains("lisinopril");
    }

    @Test
    void aDrugTriedBeforeTheVisitIsNotListedAsTaken() {
        String visit = """
                Doctor: Did you take anything for the pain?
                Patient: I took some Tylenol and I tried ibuprofen but it did not help.
                Patient: I am on metformin for my sugar.
                """;
        var list = MedicationList.of(EncounterFacts.of(TranscriptParser.parse(visit)), java.util.List.of());
        assertThat(list).isPresent();
        assertThat(list.get().text()).contains("metformin").doesNotContain("acetaminophen").doesNotContain("ibuprofen");
    }

    @Test
    void joinsLikeAWrittenList() {
        assertThat(MedicationList.join(java.util.List.of("a"))).isEqualTo("a");
        assertThat(MedicationList.join(java.util.List.of("a", "b"))).isEqualTo("a and b");
        assertThat(MedicationList.join(java.util.List.of("a", "b", "c"))).isEqualTo("a, b and c");
    }

    @Test
    void spokenLinesTheListMakesRedundantLeaveTheMedicationsButWhatTheListCannotSayStays() {
        String visit = """
                Doctor: What medications are you on?
                Patient: I take metformin 500 mg twice a day. The metformin 500 milligrams, I take it with breakfast and dinner.
                Patient: I also take atorvastatin 40 mg daily but I keep forgetting the atorvastatin at night.
                Patient: I took some naproxen for my knee last week.
                Doctor: Your knee looks fine today. Your sugars look good.
                """;
        DraftNote note = EmbeddedNoteEngineTest.generate(visit, "physician", Template.STANDARD);
        EmbeddedNoteEngineTest.assertGroundedAndValid(visit, note);
        String medications = EmbeddedNoteEngineTest.headingText(note, SoapPart.SUBJECTIVE, "Medications");
        assertThat(medications).contains("takes metformin 500 mg twice daily")
                .doesNotContain("breakfast")              // the dose retold: the list says it
                .contains("naproxen");                     // a drug tried, not listed
        assertThat(note.render(SoapPart.SUBJECTIVE)).contains("forgetting"); // adherence: the list cannot say it
    }

    @Test
    void aHeadingThatHoldsMoreThanDrugsKeepsItsSpokenLines() {
        String visit = "Owner: He eats two cups of dry kibble a day and he gets gabapentin 100 mg once a day.";
        EncounterFacts facts = EncounterFacts.of(TranscriptParser.parse(visit));
        Classified diet = new Classified(SoapPart.SUBJECTIVE, "He eats 2 cups of dry kibble a day.",
                java.util.List.of(new org.chartscribe.note.Evidence(7, 46)), org.chartscribe.transcript.Role.OTHER, 1,
                Cues.lookup("he eats 2 cups of dry kibble a day"), "diet", 1.0);
        Classified list = MedicationList.of(facts, java.util.List.of(diet)).orElseThrow();
        var vet = org.chartscribe.note.Specialties.byId("veterinary").orElseThrow();
        assertThat(HeadingChooser.choose(vet, SoapPart.SUBJECTIVE, diet)).isEqualTo("Diet and Medications");
        assertThat(MedicationList.withoutRetold(java.util.List.of(diet), list, facts, vet)).containsExactly(diet);
        // under a heading of drugs alone the same line would leave: it names no drug the list lacks
        var physician = org.chartscribe.note.Specialties.byId("physician").orElseThrow();
        Classified spokenUnderMedications = new Classified(SoapPart.SUBJECTIVE, diet.text(), diet.evidence(), diet.speaker(),
                1, diet.lookup(), "medications", 1.0);
        assertThat(MedicationList.withoutRetold(java.util.List.of(spokenUnderMedications), list, facts, physician)).isEmpty();
    }
}
