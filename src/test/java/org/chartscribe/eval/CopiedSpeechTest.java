package org.chartscribe.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each category with sentences that must count and sentences a clinician would write that must not. */
class CopiedSpeechTest {

    private static CopiedSpeech.Counts count(String note) {
        return CopiedSpeech.count(note);
    }

    @Test
    void secondPerson() {
        assertThat(count("The patient reports that it hurts when you push on it.").secondPerson()).isEqualTo(1);
        assertThat(count("Your blood pressure is up. You're due for a flu shot; you'll get it today.").secondPerson()).isEqualTo(3);
        assertThat(count("YOU'VE got to rest it yourself, y'all said.").secondPerson()).isEqualTo(3);
        assertThat(count("Knee pain for 3 weeks. Seen by Dr. Youngblood. Yourk score 2.").secondPerson()).isZero();
    }

    @Test
    void fillers() {
        assertThat(count("Okay, she fell on the ice.").fillers()).isEqualTo(1);
        assertThat(count("She fell yeah and um hit her knee.").fillers()).isEqualTo(2);
        assertThat(count("It has been kind of sore, you know, since Friday.").fillers()).isEqualTo(2);
        assertThat(count("We're gonna get an x-ray. Mm-hmm. Uh-huh. Hmm. Alright, next problem.").fillers()).isEqualTo(5);
        assertThat(count("7 days ago okay the knee still looks swollen.").fillers()).isEqualTo(1);
        assertThat(count("I mean it hurts.").fillers()).isEqualTo(1);
        // the adjective after a verb, and "kind of" as a noun, are charting language
        assertThat(count("She reports work has been going okay. He is doing all right. Sleep was okay.").fillers()).isZero();
        assertThat(count("What kind of pain is it? A sort of burning.").fillers()).isZero();
        assertThat(count("The patient feels okay, but tired. Eating and drinking okay. I'm okay.").fillers()).isZero();
    }

    @Test
    void stutters() {
        assertThat(count("There is a lateral a lateral meniscus tear.").stutters()).isEqualTo(1);
        assertThat(count("We have him on the, on the Prozac.").stutters()).isEqualTo(1);
        assertThat(count("Pain is in the the left knee and that that is new.").stutters()).isEqualTo(2);
        assertThat(count("Pain on the left side on the left side.").stutters()).isEqualTo(1);
        // numbers, words across a stop or a slash, and the past perfect are not stutters
        assertThat(count("Pain is 10 10/10. Strength 5/5 5/5 bilaterally.").stutters()).isZero();
        assertThat(count("She had had the cough for a week. Knee. Knee pain since May.").stutters()).isZero();
        assertThat(count("Left/left-sided weakness.").stutters()).isZero();
    }

    @Test
    void cutSentences() {
        assertThat(count("She doesn't know if it has. Increased swelling for.").cut()).isEqualTo(2);
        assertThat(count("We will order the. He will call and.").cut()).isEqualTo(2);
        assertThat(count("We will get some of this fluid off she.").cut()).isEqualTo(1);
        assertThat(count("and then the pain went away.").cut()).isEqualTo(1);
        assertThat(count("Because she was late.").cut()).isEqualTo(1);
        assertThat(count("Pain in the right knee (medial side.").cut()).isEqualTo(1);
        assertThat(count("She said \"it rarely works.").cut()).isEqualTo(1);
        // stranded prepositions in relative clauses, comparisons, particles and "because of" are complete
        assertThat(count("This is a screening colonoscopy that she is overdue for. Worse than it was. "
                + "She walks with her brace on. Because of the pain, he sleeps poorly. "
                + "Pain (medial side) is worse at night. She said \"it rarely works.\" Levels were low to begin with.").cut())
                .isZero();
    }

    @Test
    void duplicatedSentences() {
        assertThat(count("PLAN\nWe will order an MRI of the knee. Order an MRI of the knee.").duplicated()).isEqualTo(1);
        assertThat(count("Plan:\nFollow up in 2 weeks.\nFollow up in 2 weeks!").duplicated()).isEqualTo(1);
        // the same words under two headings (the assessment restating the history), and short sentences
        assertThat(count("HISTORY\nKnee pain for 3 weeks.\nASSESSMENT\nKnee pain for 3 weeks.").duplicated()).isZero();
        assertThat(count("PLAN\nOrder MRI. We will order MRI later. None. None.").duplicated()).isZero();
    }

    @Test
    void objectPronouns() {
        assertThat(count("We will continue she on her Toprol. Start he on metformin.").objectPronoun()).isEqualTo(2);
        assertThat(count("Give they the handout. See she back in 2 weeks. Tell she to rest.").objectPronoun()).isEqualTo(3);
        assertThat(count("I explained this to she and her husband. We talked with he about it.").objectPronoun()).isEqualTo(2);
        // conjunctions, the passive "was told", a comma between, and "recommend she continue" are grammatical
        assertThat(count("After she fell, the pain began. She was told she has a fracture. Since he started, no pain. "
                + "If it does not help, we can refer. We recommend she continue the brace.").objectPronoun()).isZero();
    }

    @Test
    void firstPersonPatientSpeech() {
        assertThat(count("My knee has been hurting for 3 weeks.").firstPerson()).isEqualTo(1);
        assertThat(count("I lift heavy weights and I'm sore.").firstPerson()).isEqualTo(2);
        assertThat(count("The patient reports my back hurts.").firstPerson()).isEqualTo(1);
        assertThat(count("That seems stable to me.").firstPerson()).isEqualTo(1);
        assertThat(count("Then i fell and i'm sore.").firstPerson()).isEqualTo(2);
        // the clinician's own voice, quotations, and Roman numerals
        assertThat(count("I advised her to ice the ankle. I have recommended physical therapy. "
                + "She will follow up with me in 2 weeks. I will order an MRI. I'm going to start metformin.").firstPerson())
                .isZero();
        assertThat(count("He states \"I can't lift my arm.\" She said 'my knee gave out' yesterday.").firstPerson()).isZero();
        assertThat(count("Chief complaint: \"my knee gave out.\"").firstPerson()).isZero();
        assertThat(count("History of type I diabetes. Cranial nerves II-XII intact. Grade I murmur. Risks: (i) bleeding.")
                .firstPerson()).isZero();
        assertThat(count("MY CHART ME score.").firstPerson()).isZero();
    }

    @Test
    void headingsAreNotSentences() {
        assertThat(count("HISTORY OF PRESENT ILLNESS\nRight elbow pain for 3 weeks.\n\nPlan:\nIce.").total()).isZero();
        assertThat(NoteSentences.of("CHIEF COMPLAINT\nBack pain.\nASSESSMENT AND PLAN\n• Continue lisinopril 20 mg. daily.\n"
                        + "1. Dr. Smith saw her, e.g. last week. Follow up.")
                .stream().map(NoteSentences.Sentence::text).toList())
                .containsExactly("Back pain.", "Continue lisinopril 20 mg. daily.", "Dr. Smith saw her, e.g. last week.",
                        "Follow up.");
        assertThat(NoteSentences.of("A\nx.\nB:\ny.").stream().map(NoteSentences.Sentence::section).toList())
                .containsExactly(1, 2);
    }

    @Test
    void aCleanClinicalNoteScoresZero() {
        String note = """
                CHIEF COMPLAINT
                Right elbow pain.

                HISTORY OF PRESENT ILLNESS
                Mr. Jones is a 45-year-old male with right elbow pain for 3 weeks, worse with typing. Denies numbness.
                He has tried ibuprofen 400 mg twice daily without relief.

                PHYSICAL EXAMINATION
                • Musculoskeletal: Tenderness over the lateral epicondyle. Strength 5/5.

                ASSESSMENT AND PLAN
                Right lateral epicondylitis.
                • Medical Treatment: I recommended a counterforce brace. Continue ibuprofen as needed.
                • Follow-up: He will follow up with me in 4 weeks.
                """;
        assertThat(count(note)).isEqualTo(CopiedSpeech.Counts.NONE);
    }

    @Test
    void totalsAndFields() {
        CopiedSpeech.Counts c = new CopiedSpeech.Counts(1, 2, 3, 4, 5, 6, 7);
        assertThat(c.total()).isEqualTo(28);
        assertThat(c.plus(c).fields()).isEqualTo(
                "second_person=2 fillers=4 stutters=6 cut=8 duplicated=10 object_pronoun=12 first_person=14");
        assertThat(c.hasSecondPersonOrFiller()).isTrue();
        assertThat(new CopiedSpeech.Counts(0, 0, 1, 1, 1, 1, 1).hasSecondPersonOrFiller()).isFalse();
    }
}
