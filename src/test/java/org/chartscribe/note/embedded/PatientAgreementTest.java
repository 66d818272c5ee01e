package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Template;
import org.chartscribe.transcript.TranscriptParser;
import org.junit.jupiter.api.Test;

/** The plan's closing agreement line, charted only from a reply that agreed; dialogues written for these tests. */
class PatientAgreementTest {

    private static Optional<Classified> agreement(String transcript) {
        return PatientAgreement.of(EncounterFacts.of(TranscriptParser.parse(transcript)), 0);
    }

    @Test
    void aPlainYesToThePlanIsChartedWithTheReplyAsEvidence() {
        String visit = """
                [doctor] i think this is tendinitis. we will start ibuprofen and some stretching.
                [patient] okay, that sounds good.
                [doctor] any questions?
                [patient] no, i think that's all.
                """;
        Classified line = agreement(visit).orElseThrow();
        assertThat(line.text()).isEqualTo("The patient understands and agrees with the recommended treatment plan.");
        assertThat(visit.substring(line.evidence().get(0).start(), line.evidence().get(0).end()))
                .isEqualTo("okay, that sounds good.");
    }

    @Test
    void pushbackAfterTheYesOrNoYesAtAllLeavesItOut() {
        assertThat(agreement("""
                [doctor] we will start the statin today.
                [patient] okay.
                [doctor] and i want you to take it every night.
                [patient] honestly i'd rather not take another pill.
                """)).isEmpty();
        assertThat(agreement("""
                [doctor] we will start the statin today.
                [patient] is that the one that hurts your muscles?
                """)).isEmpty();
    }

    @Test
    void aParentsYesIsTheFamilysAgreement() {
        String visit = """
                [doctor] she has an ear infection, so we will start amoxicillin.
                [parent] alright, sounds like a plan.
                """;
        assertThat(agreement(visit).orElseThrow().text())
                .isEqualTo("The family understands and agrees with the recommended treatment plan.");
    }

    @Test
    void theAgreementClosesThePlanAfterItsItems() {
        String visit = """
                [doctor] what brings you in today?
                [patient] my right elbow has hurt for three weeks, worse when i type.
                [doctor] on exam there is tenderness over the lateral epicondyle.
                [doctor] my assessment is right lateral epicondylitis. we will start ibuprofen 400 mg three times a day.
                [patient] okay, sounds good.
                """;
        DraftNote note = new EmbeddedNoteEngine().generate(new NoteRequest(visit, Specialties.generic(),
                Template.STANDARD, false, null));
        String plan = note.sections().get(SoapPart.PLAN).stream().map(NoteSection::text).reduce("", String::concat);
        assertThat(plan).containsIgnoringCase("ibuprofen")
                .endsWith("The patient understands and agrees with the recommended treatment plan.");
    }
}
