package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.chartscribe.note.SoapPart;
import org.chartscribe.transcript.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SentenceGateTest {

    private static String history(String text) {
        return SentenceGate.admit(text, SoapPart.SUBJECTIVE, Role.PATIENT).orElse("<left out>");
    }

    private static String exam(String text) {
        return SentenceGate.admit(text, SoapPart.OBJECTIVE, Role.CLINICIAN).orElse("<left out>");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // a restart kept by the recogniser
            "There is a lateral a lateral meniscus tear.|There is a lateral meniscus tear.",
            "She has had the the pain for a week.|She has had the pain for a week.",
            // the rewrite left the subject form after a verb or preposition
            "The swelling is worse for he at night.|The swelling is worse for him at night.",
            // joining words and trailing comments a written sentence does not need
            "And she has been sleeping poorly.|She has been sleeping poorly.",
            "Her lungs are clear, which is good.|Her lungs are clear.",
            // an aside with the speaker's own voice goes, the finding stays
            "There is a grade 2/6 systolic murmur, which I have heard before.|There is a grade 2/6 systolic murmur.",
            "She has, um, knee pain when climbing stairs.|She has knee pain when climbing stairs.",
            // a longer phrase said twice, and an opener abandoned after one word and said again
            "She had a congenital she had a congenital heart defect as a baby.|She had a congenital heart defect as a baby.",
            "If maybe if she walks too far, the knee swells.|If she walks too far, the knee swells.",
            // a pause written as a comma after a word that cannot end a phrase
            "His heart rate and his, blood pressure look fine.|His heart rate and his blood pressure look fine.",
            // the subject form after a past-tense verb
            "The doctor started he on sumatriptan.|The doctor started him on sumatriptan.",
            // openers back to back and a broken-off word
            "There's it's a regular rate and rhythm.|It's a regular rate and rhythm.",
            "It's- it's been better since Sunday.|It's been better since Sunday.",
            "He notices he gets a de-, swelling in his ankles.|He notices he gets a swelling in his ankles.",
            // an opening clause that cannot be charted goes when the rest stands alone
            "We were doing yard work and he felt chest pain for an hour.|He felt chest pain for an hour.",
            "If we walk too far, he gets short of breath.|<left out>",
            // the rewrite's subject before the speaker's own
            "The patient she is worried about her mother's cancer.|She is worried about her mother's cancer.",
            // an opening modifier is fine when a clause with its own subject follows
            "Whenever she walks uphill, her knee aches.|Whenever she walks uphill, her knee aches.",
            "For the last two nights, her neck has not bothered her.|For the last two nights, her neck has not bothered her.",
            "Not great, her lower back has been hurting for 3 weeks.|Not great, her lower back has been hurting for 3 weeks.",
            "For 3 weeks she has had pain in her right knee.|For 3 weeks she has had pain in her right knee."})
    void repairsOnlyByDeletingWordsOrChangingAPronounsCase(String spoken, String charted) {
        assertThat(history(spoken)).isEqualTo(charted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Your knee looks a little swollen.", // second person
            "Okay so she has been taking it.", // a filler that would change nothing if removed, but marks speech
            "I have been feeling tired.", // the patient's own voice
            "Because she didn't know if it was bad to take them all at once.", // a reason without its statement
            "She doesn't know if the pain has.", // cut mid-clause
            "The pain started when she was lifting the.", // cut on an article
            "Do you have any chest pain?", // a question
            "Her blood pressure medications.", // a phrase, not a statement, in the history
            "In terms of her depression.", // the topic kept, what was said about it lost
            "They are running on the higher side.", // "they" refers to nothing charted
            "We'll do a quick physical exam now.", // what the clinician is about to do
            "The patient reports that 300's.", // the reporting frame kept, the statement lost
            "On her lung exam.", // a body system whose finding went elsewhere
            "Open up her mouth and say ah.", // what the patient was asked to do during the exam
            "If it's a nice.", // a condition without what follows from it
            "In terms of exercise, are he able to walk or anything.", // a question rewritten into the history
            "It's is all from his asthma.", // a restart the rewrite could not mend
            "Date of birth is 01/02/1960.", // an identity check, not a finding
            "Number 2, knee pain.", // a dictated list label
            "We can send her to the surgeon next week.", // the clinic's intention, not history
            "We were helping his daughter move when it started.", // the patient's "we": who is not charted
            "He was endorsing the back pain.", // a spoken summary of what was just charted
            "It sounds like it might be a sprain.", // the clinician thinking aloud, not the patient's history
            "Maybe that has to do with the salt he is eating.", // the clinician's guess, not the history
            "The patient reports mainly near the end of the day.", // what was reported went missing
            "In reviewing the pathology report for his skin cancer.", // a topic announced, nothing said of it
            "His wife took him to the and everything checked out.", // a word lost after an article
            "The patient reports didn't seem like it swelled much.", // the reported statement lost its subject
            "The patient denies any no allergies.", // a question and its answer glued
            "Keep doing that twice a day.", // an instruction, not history
            "Next patient is Jane Doe.", // the clinician talking to the recorder
            "How about, can she move her fingers.", // a question
            "Haha she is so funny about it.", // laughter transcribed
            "The patient mentioned is there anything that makes the pain better.", // a question left inside
            "The patient it does get better.", // two subjects: what "it" is was lost
            "For their ankle pain since that happened.", // a modifier without the statement it modified
            "Haven't felt anything since.", // an auxiliary without its subject
            "Otherwise any type of movement especially from sitting causes pain.", // speech run on from the last turn
            "Going back to their grandparents has anybody had similar symptoms.", // a question turned statement
            "No well first thing in the morning but otherwise it's fine.", // a "no" glued to the next words
            "The patient likes it though their they their commute." // a restart half mended
    })
    void leavesOutWhatAClinicianWouldNotSign(String spoken) {
        assertThat(history(spoken)).isEqualTo("<left out>");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Heart rate 72.",
            "There is tenderness over the lumbar paraspinal muscles bilaterally.",
            "Strength is 5/5 in both lower extremities.",
            "Straight leg raise is negative."})
    void keepsTheTerseFindingsClinciansWrite(String finding) {
        assertThat(exam(finding)).isEqualTo(finding);
    }

    @Test
    void whatWasDoneInTheVisitIsChartedButTheClinicsIntentionsAreNot() {
        assertThat(exam("Today we did manual therapy and balance training."))
                .isEqualTo("Today we did manual therapy and balance training.");
        assertThat(exam("We will check her thyroid next time.")).isEqualTo("<left out>");
        assertThat(history("Her knee is better, so that's not bad.")).isEqualTo("Her knee is better.");
    }

    @Test
    void aPlanTopicAnnouncedWithoutItsItemIsLeftOut() {
        assertThat(SentenceGate.admit("For medications.", SoapPart.PLAN, Role.CLINICIAN)).isEmpty();
        assertThat(SentenceGate.admit("Ibuprofen for pain.", SoapPart.PLAN, Role.CLINICIAN)).isPresent();
    }

    @Test
    void aGuessAtHowItHappenedIsNotAnAssessment() {
        assertThat(SentenceGate.admit("Probably that happened when she was moving the boxes.", SoapPart.ASSESSMENT,
                Role.CLINICIAN)).isEmpty();
        assertThat(SentenceGate.admit("Probably a muscle strain from lifting.", SoapPart.ASSESSMENT, Role.CLINICIAN))
                .isPresent();
    }

    @Test
    void aPlanSentenceGetsTheObjectForm() {
        assertThat(SentenceGate.repair("We will continue she on her inhaler"))
                .isEqualTo("We will continue her on her inhaler");
        assertThat(SentenceGate.repair("We will see they back in 2 weeks")).isEqualTo("We will see them back in 2 weeks");
        assertThat(SentenceGate.repair("She says she is better")).isEqualTo("She says she is better");
    }

    @Test
    void aLongRunOnIsTwoTurnsGluedTogether() {
        String runOn = "She has been having pain in her knee and it gets worse when she walks and then she went to "
                + "the store and bought some ice and put it on and it helped a little bit but then it came back the "
                + "next day and now it is worse than before.";
        assertThat(history(runOn)).isEqualTo("<left out>");
    }

    @Test
    void aQuestionTheRewriteEndedWithAFullStopIsNotHistory() {
        assertThat(SentenceGate.admit("How has their diet been lately.", SoapPart.SUBJECTIVE, Role.CLINICIAN)).isEmpty();
        assertThat(SentenceGate.admit("Does anything make it better or worse.", SoapPart.SUBJECTIVE, Role.CLINICIAN)).isEmpty();
        assertThat(SentenceGate.admit("Any other damage to the knee does that sound good.", SoapPart.SUBJECTIVE,
                Role.CLINICIAN)).isEmpty();
        assertThat(SentenceGate.admit("Have a good rest of her day.", SoapPart.SUBJECTIVE, Role.CLINICIAN)).isEmpty();
        // a statement that opens like a question stays
        assertThat(SentenceGate.admit("Does not take any hormone replacement therapy.", SoapPart.SUBJECTIVE,
                Role.PATIENT)).isPresent();
        assertThat(SentenceGate.admit("When she walks, the pain gets worse.", SoapPart.SUBJECTIVE, Role.PATIENT)).isPresent();
    }

    @Test
    void aReportThatLostWhatWasReportedOrDoesNotFitItsFrameIsLeftOut() {
        assertThat(SentenceGate.reportsNothing("The patient reports in the back of her head.")).isTrue();
        assertThat(SentenceGate.reportsNothing("The patient reports 20 to 30 miles.")).isTrue();
        assertThat(SentenceGate.reportsNothing("The patient reports that the pain is feels like it's behind the kneecap.")).isTrue();
        assertThat(SentenceGate.reportsNothing("The patient reports that the pain is both their elbows.")).isTrue();
        assertThat(SentenceGate.reportsNothing("The patient reports that both her parents have high blood pressure.")).isFalse();
        assertThat(SentenceGate.reportsNothing("The patient reports that the pain hurts quite to stand.")).isTrue();
        assertThat(SentenceGate.reportsNothing("The patient reports that the pain is worse towards the end of the day.")).isFalse();
        assertThat(SentenceGate.reportsNothing("The patient reports weight gain over the summer.")).isFalse();
    }

    @Test
    void typeOneIsNotTheFirstPerson() {
        assertThat(history("She has type I diabetes diagnosed at age 12.")).isEqualTo("She has type I diabetes diagnosed at age 12.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "His heart and his lungs.", // the systems named, their findings said elsewhere
            "Review of the right knee x-ray.", // a result announced, not read
            "It's low at 8.2.", // "it" names nothing in an exam or result line
            "An effusion there and there's.", // cut on a contraction
            "She will do 2 puffs twice a day.", // the plan said during the exam
    })
    void examLinesThatNameNoFindingAreLeftOut(String spoken) {
        assertThat(exam(spoken)).isEqualTo("<left out>");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Lungs clear to auscultation bilaterally.|Lungs clear to auscultation bilaterally.",
            "No edema.|No edema.",
            "Tenderness over the right lateral epicondyle.|Tenderness over the right lateral epicondyle.",
            "It looks like his kidney function is normal.|His kidney function is normal.",
            "It sounds like there is some swelling of the ankle.|There is some swelling of the ankle.",
            "Here's the here's his x-ray, which shows no fracture.|Here's his x-ray, which shows no fracture."})
    void verblessFindingsStayAndHedgesGo(String spoken, String charted) {
        assertThat(exam(spoken)).isEqualTo(charted);
    }
}
