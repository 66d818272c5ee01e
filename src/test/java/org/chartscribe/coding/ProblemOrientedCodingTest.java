package org.chartscribe.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.coding.AssessmentStatements.Place;
import org.chartscribe.coding.AssessmentStatements.Statement;
import org.chartscribe.note.BillingCodes.Diagnosis;
import org.chartscribe.note.Evidence;
import org.chartscribe.transcript.Sentence;
import org.chartscribe.transcript.TranscriptParser;
import org.junit.jupiter.api.Test;

/**
 * The rules that read the embedded engine's problem-oriented Assessment ("Problem: what was said") and
 * the clinician's sentences independently of the parser's splitting, plus the rules added with them.
 * Every sentence here was written for these tests.
 */
class ProblemOrientedCodingTest {

    private final Icd10Coder coder = new Icd10Coder(Icd10CodeSetLoader.builtin());

    private List<String> codes(String assessment, String transcript) {
        return coder.suggest(assessment, transcript).stream().map(Diagnosis::code).toList();
    }

    private Diagnosis find(String assessment, String transcript, String code) {
        return coder.suggest(assessment, transcript).stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    // --- reading the problem-oriented layout

    @Test
    void aProblemLabelOnItsTextsLineIsAHeadingAndTheTextItsReasoning() {
        String assessment = "Assessment:\nGout: Flare in the left great toe, started colchicine.\nHistory of kidney stones: none since 2019.";
        List<Statement> st = AssessmentStatements.split(assessment);
        assertThat(st).filteredOn(s -> s.place() == Place.HEADING).extracting(Statement::text).containsExactly("Gout");
        assertThat(st).filteredOn(s -> s.place() == Place.HEADING).allMatch(Statement::label);
        assertThat(st).anyMatch(s -> s.place() == Place.BODY && s.text().startsWith("Flare in the left great toe"));
        assertThat(st).anyMatch(s -> s.place() == Place.HISTORY && s.text().equals("History of kidney stones"));
        Statement gout = st.stream().filter(s -> s.text().equals("Gout")).findFirst().orElseThrow();
        assertThat(assessment.substring(gout.offset(), gout.offset() + 4)).isEqualTo("Gout");
        Statement flare = st.stream().filter(s -> s.text().startsWith("Flare")).findFirst().orElseThrow();
        assertThat(assessment.substring(flare.offset())).startsWith("Flare in the left");
    }

    @Test
    void theSectionLabelAloneIsNotAProblem() {
        assertThat(AssessmentStatements.split("Assessment:\nHypertension."))
                .filteredOn(s -> s.place() == Place.HEADING).extracting(Statement::text).containsExactly("Hypertension.");
        assertThat(AssessmentStatements.split("Assessment: hypertension."))
                .filteredOn(s -> s.place() == Place.HEADING).hasSize(1);
    }

    @Test
    void labelledProblemsAreCodedAsProblemsInTheirOrder() {
        List<Diagnosis> dx = coder.suggest("Assessment:\nHypertension: Blood pressure is at goal on lisinopril.\n"
                + "Type 2 diabetes: A1c is 7.1, continue metformin.", "");
        assertThat(dx).extracting(Diagnosis::code).containsExactly("I10", "E11.9");
        assertThat(dx.get(0).rationale()).contains("a problem in the assessment");
    }

    @Test
    void aLabelSummarisingAnUncertainStatementIsNotCodedAsConfirmed() {
        // the label repeats what its own text only calls "likely": guideline IV.H, the site's pain instead
        String transcript = "[patient] i fell on the stairs and my left ankle is swollen .\n[doctor] your left ankle is tender .\n";
        List<String> hedged = codes("Ankle sprain: Probably an ankle sprain from the fall on the stairs, ice and elevate.", transcript);
        assertThat(hedged).noneMatch(c -> c.startsWith("S93")).contains("M25.572");
        // the same label over an asserted statement is the problem
        assertThat(codes("Knee sprain: Right knee sprain from a fall, brace for two weeks.", "")).containsExactly("S83.91XA");
        // a heading line of its own is the clinician's diagnostic statement, whatever the reasoning says
        assertThat(codes("1. Plantar fasciitis, left.\n- Medical Reasoning: Her symptoms are consistent with plantar fasciitis.", ""))
                .containsExactly("M72.2");
    }

    @Test
    void anUncertainDiagnosisInTheNotesTextIsCodedAsPainAtTheNamedSite() {
        List<String> codes = codes("Her left knee swelling could be a torn MCL, MRI ordered.", "");
        assertThat(codes).containsExactly("M25.562");
        // "back" in "get back to work" is not a body part
        assertThat(codes("There is a possibility of a fracture and she may not get back to work for a while.", "")).isEmpty();
    }

    // --- the clinician's sentences, independent of the parser's splitting

    @Test
    void aLongPunctuatedSentenceIsReadWhole() {
        // more than 14 unpunctuated words: the parser cuts this at "for your" and "i think"
        String transcript = "[doctor] my assessment is that this could be a rotator cuff tear for your right shoulder "
                + "and i think an mri next week will tell us more .\n";
        List<Sentence> sentences = SpokenSentences.clinician(TranscriptParser.parse(transcript));
        assertThat(sentences).hasSize(1);
        assertThat(sentences.get(0).text()).startsWith("my assessment is").endsWith("tell us more .");
        assertThat(transcript.substring(sentences.get(0).start(), sentences.get(0).end())).isEqualTo(sentences.get(0).text());
        // the hedge stays with the diagnosis it qualifies
        assertThat(codes("", transcript)).noneMatch(c -> c.startsWith("S46") || c.startsWith("M75.1"));
    }

    @Test
    void aVeryLongUnpunctuatedRunIsSplitAtDiscourseMarkers() {
        String run = "[doctor] your blood pressure looks good today and your weight is stable and the swelling in your legs "
                + "has gone down a lot since the last visit with the new dose now let's talk about your diabetes and the "
                + "plan for the metformin going forward";
        List<Sentence> sentences = SpokenSentences.clinician(TranscriptParser.parse(run));
        assertThat(sentences).hasSizeGreaterThan(1);
        assertThat(sentences).anyMatch(s -> s.text().startsWith("now let's talk about your diabetes"));
    }

    // --- dictated problems, joined problems and the visit's purpose

    @Test
    void aDictatedNumberedProblemIsAProblem() {
        String transcript = """
                [doctor] okay , my assessment and plan .
                [doctor] number one , hypertension , stable on amlodipine .
                [doctor] problem number 3 is surgical clearance before his cataract operation in two weeks . \
                that's also the visit for his screening colonoscopy referral .
                """;
        List<String> codes = codes("", transcript);
        assertThat(codes).contains("I10", "Z01.818", "Z12.11");
        assertThat(codes.indexOf("Z01.818")).isLessThan(codes.indexOf("Z12.11"));
    }

    @Test
    void aPlanDictatedUnderEachProblemNamesTheProblems() {
        String transcript = """
                [doctor] all right , thanks for coming in .
                [doctor] okay , under the plan , under her migraines , the sumatriptan is helping , continue it . \
                under her psoriasis , we'll switch creams . her blood pressure is under control .
                """;
        List<String> codes = codes("", transcript);
        assertThat(codes).contains("G43.909", "L40.9").doesNotContain("I10");
        assertThat(DialogueAssessment.problemWindows("your blood pressure is under control today")).isEmpty();
    }

    @Test
    void aScreeningMentionedOutsideAnyProblemIsNotTheVisitsPurpose() {
        String transcript = """
                [doctor] my assessment and plan . for your first problem , your hypertension , continue the amlodipine .
                [doctor] at some point you'll want a screening colonoscopy but not now .
                """;
        assertThat(codes("", transcript)).doesNotContain("Z12.11");
    }

    @Test
    void aDictatedProblemNameIsAProblem() {
        String transcript = """
                [doctor] let's go over my assessment and plan .
                [doctor] elevated liver enzymes . we will repeat the panel in six weeks .
                """;
        assertThat(codes("", transcript)).containsExactly("R74.01");
        assertThat(DialogueAssessment.statements("[doctor] my assessment and plan .\n[doctor] okay , great .\n"))
                .noneMatch(s -> s.place() == Place.HEADING);
    }

    @Test
    void aProblemJoinedToAStandpointCueIsAProblemToo() {
        String sentence = "then from a hypertension standpoint and your gout , nothing needs to change today";
        List<int[]> windows = DialogueAssessment.problemWindows(sentence);
        assertThat(windows).extracting(w -> sentence.substring(w[0], w[1]).strip())
                .containsExactly("hypertension", "your gout");
        String transcript = "[doctor] my assessment and plan .\n[doctor] " + sentence + " .\n";
        assertThat(codes("", transcript)).contains("I10", "M10.9");
    }

    @Test
    void anAbnormalResultTheClinicianReportsIsCodedAsAFinding() {
        String transcript = "[doctor] your blood work showed elevated liver enzymes , we'll repeat it in six weeks .\n";
        Diagnosis lft = find("", transcript, "R74.01");
        assertThat(lft.evidence()).isNotEmpty();
        assertThat(lft.rationale()).contains("elevated liver enzymes");
        // a finding merely asked about is not
        assertThat(codes("", "[doctor] have you ever been told about elevated liver enzymes before ?\n")).doesNotContain("R74.01");
    }

    // --- specificity and conflicts

    @Test
    void aSpecificCodeTakesThePlaceOfTheUncomplicatedOne() {
        String transcript = "[doctor] my assessment and plan . for your diabetes , it is not well controlled , "
                + "your sugars have been running high .\n";
        List<Diagnosis> dx = coder.suggest("Diabetes.\nHypertension.", transcript);
        assertThat(dx).extracting(Diagnosis::code).containsExactly("E11.65", "I10");
        assertThat(dx.get(0).rationale()).contains("more specific than");
        assertThat(dx.get(0).evidence()).isNotEmpty();
    }

    @Test
    void invasiveCarcinomaIsCodedWithoutItsInSituComponent() {
        assertThat(codes("Invasive ductal carcinoma of the right breast.\nDCIS of the right breast.", ""))
                .containsExactly("C50.911");
        assertThat(codes("DCIS of the right breast.", "")).containsExactly("D05.11");
    }

    @Test
    void theSideAComplaintWasFirstGivenForWhenAVisitComparesBothSides() {
        String transcript = """
                [patient] my left elbow has been sore since i started painting the fence .
                [doctor] i'll check the right elbow for comparison . the right elbow moves fine .
                [doctor] and the left elbow hurts when i press here .
                [doctor] for my assessment , you have tennis elbow from the painting .
                """;
        Diagnosis elbow = find("", transcript, "M77.12");
        assertThat(elbow.rationale()).contains("left side documented");
        Evidence said = elbow.evidence().get(0);
        assertThat(transcript.substring(said.start(), said.end())).isEqualTo("tennis elbow");
    }

    @Test
    void newPhrases() {
        assertThat(codes("Torn MCL of the left knee.", "")).containsExactly("S83.412A");
        assertThat(codes("Torn ACL, right knee.", "")).containsExactly("S83.511A");
        assertThat(codes("Status post heart bypass.", "")).containsExactly("Z95.1");
        assertThat(codes("Coronary artery bypass grafting in 2015.", "")).containsExactly("Z95.1");
        assertThat(codes("Skin cancer removed from the scalp last year.", "")).containsExactly("Z85.828");
    }
}
