package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Template;
import org.chartscribe.transcript.Role;
import org.junit.jupiter.api.Test;

/**
 * Wording of speech recognised without punctuation: tags, bare yes/no, restarted clauses, wishes
 * with "do" or "also". Every transcript here is written for these tests.
 */
class UnpunctuatedSpeechTest {

    private static String clinician(String s, SoapPart part) {
        return NoteStyle.rewrite(s, Role.CLINICIAN, part, Pronouns.SHE, true);
    }

    private static String patient(String s) {
        return NoteStyle.rewrite(s, Role.PATIENT, SoapPart.SUBJECTIVE, Pronouns.SHE, true);
    }

    @Test
    void aTagThatEndsAStatementGoes() {
        assertThat(NoteStyle.withoutTrailingTag("we will recheck the labs in a month okay"))
                .isEqualTo("we will recheck the labs in a month");
        assertThat(NoteStyle.withoutTrailingTag("there is tenderness along the left paraspinal muscles right."))
                .isEqualTo("there is tenderness along the left paraspinal muscles.");
        assertThat(clinician("you can keep using the heating pad as needed okay", SoapPart.PLAN))
                .isEqualTo("Keep using the heating pad as needed.");
    }

    @Test
    void aSideOrAStateIsNotATag() {
        // "right" as the side
        assertThat(NoteStyle.withoutTrailingTag("the pain is worse on the right")).isEqualTo("the pain is worse on the right");
        assertThat(NoteStyle.withoutTrailingTag("she points to her right")).isEqualTo("she points to her right");
        assertThat(NoteStyle.withoutTrailingTag("she is allergic to penicillin is that right"))
                .isEqualTo("she is allergic to penicillin is that right");
        // "okay" describing something
        assertThat(NoteStyle.withoutTrailingTag("she has been eating and drinking okay"))
                .isEqualTo("she has been eating and drinking okay");
        assertThat(NoteStyle.withoutTrailingTag("her sugars have been okay")).isEqualTo("her sugars have been okay");
        // too short to be a statement with a tag
        assertThat(NoteStyle.withoutTrailingTag("all right")).isEqualTo("all right");
        assertThat(NoteStyle.withoutTrailingTag("that's right")).isEqualTo("that's right");
    }

    @Test
    void aBareYesOrNoBeforeAClauseGoesButNotTheNoOfANegatedFinding() {
        assertThat(patient("no it stays in my lower back")).isEqualTo("It stays in her lower back.");
        assertThat(patient("yeah in the mornings mostly")).isEqualTo("In the mornings mostly.");
        assertThat(patient("no fever that I know of")).startsWith("No fever");
        assertThat(patient("no not really")).isEqualTo("No not really.");
    }

    @Test
    void wishesWithDoOrAlsoBecomeImperatives() {
        assertThat(clinician("i do want you to keep taking the metformin with meals", SoapPart.PLAN))
                .isEqualTo("Keep taking the metformin with meals.");
        assertThat(clinician("and i also want you to elevate the leg at night", SoapPart.PLAN))
                .isEqualTo("Elevate the leg at night.");
    }

    @Test
    void aClauseStartedAgainKeepsOnlyTheSecondStart() {
        assertThat(clinician("call the office if it's not if the swelling is not better by friday", SoapPart.PLAN))
                .isEqualTo("Call the office if the swelling is not better by friday.");
        assertThat(clinician("she gets short of breath when she when she climbs stairs", SoapPart.SUBJECTIVE))
                .isEqualTo("She gets short of breath when she climbs stairs.");
        // two conditions, each with content: both kept
        assertThat(clinician("call the office if it hurts if you cannot walk", SoapPart.PLAN))
                .isEqualTo("Call the office if it hurts if she cannot walk.");
    }

    @Test
    void unpunctuatedQuestionsAreRecognisedAfterBackChannelAndWithANamedSubject() {
        assertThat(SentenceClassifier.isQuestion("yeah and do you get any pain when it happens")).isTrue();
        assertThat(SentenceClassifier.isQuestion("okay good so has has tommy had any ear infections before")).isTrue();
        assertThat(SentenceClassifier.isQuestion("did your daughter notice any rash")).isTrue();
        assertThat(SentenceClassifier.isQuestion("mm-hmm okay have you ever sprained that wrist before")).isTrue();
        assertThat(SentenceClassifier.isQuestion("uh-huh, so are you still smoking")).isTrue();
        // statements stay statements
        assertThat(SentenceClassifier.isQuestion("yeah she has had a rash on her arm for a week")).isFalse();
        assertThat(SentenceClassifier.isQuestion("good the lungs are clear")).isFalse();
        assertThat(SentenceClassifier.isQuestion("Has he had any rash?")).isTrue();
        // after a lead-in that sets the time
        assertThat(SentenceClassifier.isQuestion("since the fall has he been able to bear weight")).isTrue();
        assertThat(SentenceClassifier.isQuestion("since the fall he has been able to bear weight")).isFalse();
    }

    @Test
    void wordsSaidToTheParentAreNotCharted() {
        assertThat(clinician("dad so for the first problem i think she has an ear infection", SoapPart.ASSESSMENT))
                .doesNotStartWith("Dad").startsWith("For the first problem");
        // "sir" inside a sentence is left alone
        assertThat(clinician("she told the sir that her ear hurts", SoapPart.SUBJECTIVE))
                .isEqualTo("She told the sir that her ear hurts.");
    }

    @Test
    void youAfterLikeIsTheSubjectOfAClause() {
        assertThat(clinician("it looks like you have lost about five pounds", SoapPart.OBJECTIVE))
                .isEqualTo("It looks like she has lost about 5 pounds.");
        assertThat(clinician("it sounds like you are sleeping better than you were", SoapPart.SUBJECTIVE))
                .isEqualTo("She is sleeping better than she was.");
        // still an object where no verb follows
        assertThat(clinician("we would like you to rest the ankle", SoapPart.PLAN)).isEqualTo("Rest the ankle.");
    }

    @Test
    void tokenisedAgesAreJoined() {
        assertThat(clinician("maria is a 52 -year-old female here for a cough", SoapPart.SUBJECTIVE))
                .isEqualTo("Maria is a 52-year-old female here for a cough.");
        assertThat(clinician("the score went from 3 - 4", SoapPart.OBJECTIVE)).isEqualTo("The score went from 3 - 4.");
    }

    @Test
    void anUnpunctuatedVisitReadsAsANote() {
        String t = """
                [doctor] hi there how are you doing today
                [patient] i'm alright my knee has been bothering me
                [doctor] okay tell me about your knee when did this start
                [patient] about two weeks ago i was playing tennis and i twisted it
                [doctor] okay and has it been getting better since then
                [patient] no it's been about the same it swells up at night
                [doctor] have you taken anything for it
                [patient] yeah i've been taking ibuprofen two tablets twice a day and it helps a little
                [doctor] okay so on exam your right knee has some swelling there is tenderness along the medial joint line and your range of motion is limited okay
                [patient] okay
                [doctor] so i think you have a medial meniscus tear of the right knee i do want you to continue the ibuprofen and i also want you to ice it twice a day okay we will go ahead and order an mri of the right knee and i want to see you back in two weeks if it's not if the pain is not better you can call us right
                [patient] sounds good thank you
                """;
        DraftNote note = new EmbeddedNoteEngine().generate(new NoteRequest(t, Specialties.generic(), Template.STANDARD,
                false, null));
        EmbeddedNoteEngineTest.assertGroundedAndValid(t, note);
        String subjective = EmbeddedNoteEngineTest.text(note, SoapPart.SUBJECTIVE);
        String objective = EmbeddedNoteEngineTest.text(note, SoapPart.OBJECTIVE);
        String plan = EmbeddedNoteEngineTest.text(note, SoapPart.PLAN);
        // the problem is named without the words left dangling before the side
        assertThat(subjective).contains("medial meniscus tear.").doesNotContain("tear of the.");
        assertThat(subjective).doesNotContain("tell me").doesNotContain("no it's");
        assertThat(objective).doesNotContain("okay");
        // "twice a day" is the icing's, not the ibuprofen's; the later "if the pain is not better" offers nothing
        assertThat(plan).contains("- continue ibuprofen.\n").contains("- order mri of the right knee.")
                .doesNotContain("ibuprofen twice")
                .doesNotContain("i do want").doesNotContain("if it's not if").doesNotContain("call us right");
    }
}
