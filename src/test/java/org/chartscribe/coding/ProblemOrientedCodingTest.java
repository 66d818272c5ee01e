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
        String transcript = "[patient] my right knee hurts after running .\n[doctor] let me look at your right knee .\n";
        List<String> hedged = codes("Knee sprain: Likely knee sprain from overuse, rest for two weeks.", transcript);
        assertThat(hedged).noneMatch(c -> c.startsWith("S83")).contains("M25.561");
        // the same label over an asserted statement is the problem
        assertThat(codes("Knee sprain: Right knee sprain from a fall, brace for two weeks.", "")).containsExactly("S83.91XA");
        // a heading line of its own is the clinician's diagnostic statement, whatever the reasoning says
        assertThat(codes("1. Plantar fasciitis, left.\n- Medical Reasoning: Her symptoms are consistent with plantar fasciitis.", ""))
                .containsExactly("M72.2");
    }

    @Test
    void anUncertainDiagnosisInTheNotesTextIsCodedAsPainAtTheNamedSite() {
        String transcript = "[patient] i twisted my left knee .\n[doctor] okay , your left knee is swollen .\n";
        List<String> codes = codes("For her knee it sounds like she has a torn MCL.", transcript);
        assertThat(codes).containsExactly("M25.562");
        // "back" in "get back to work" is not a body part
        assertThat(codes("There is a possibility of a fracture and she may not get back to work for a while.", "")).isEmpty();
    }

    // --- the clinician's sentences, independent of the parser's splitting

    @Test
    void aLongPunctuatedSentenceIsReadWhole() {
        String transcript = "[doctor] so for your right knee i think you may have a medial collateral ligament strain "
                + "from that twisting injury on the court .\n";
        List<Sentence> sentences = SpokenSentences.clinician(TranscriptParser.parse(transcript));
        assertThat(sentences).hasSize(1);
        assertThat(sentences.get(0).text()).startsWith("so for your right knee").endsWith("on the court .");
        assertThat(transcript.substring(sentences.get(0).start(), sentences.get(0).end())).isEqualTo(sentences.get(0).text());
        // the hedge stays with the diagnosis it qualifies
        assertThat(codes("", transcript)).noneMatch(c -> c.startsWith("S83"));
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
                [doctor] number 2 , preop examination . he is having a left hip replacement next month . \
                this is also a screening colonoscopy he is due for .
                """;
        List<String> codes = codes("", transcript);
        assertThat(codes).contains("I10", "Z01.818", "Z12.11");
        assertThat(codes.indexOf("Z01.818")).isLessThan(codes.indexOf("Z12.11"));
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
                [doctor] elevated alkaline phosphatase . we will repeat it with a ggt next week .
                """;
        assertThat(codes("", transcript)).containsExactly("R74.8");
        assertThat(DialogueAssessment.statements("[doctor] my assessment and plan .\n[doctor] okay , great .\n"))
                .noneMatch(s -> s.place() == Place.HEADING);
    }

    @Test
    void aProblemJoinedToAStandpointCueIsAProblemToo() {
        List<int[]> windows = DialogueAssessment.problemWindows(
                "and from a cataract surgery standpoint and your skin cancer removal , everything looks fine");
        String sentence = "and from a cataract surgery standpoint and your skin cancer removal , everything looks fine";
        assertThat(windows).extracting(w -> sentence.substring(w[0], w[1]).strip())
                .containsExactly("cataract surgery", "your skin cancer removal");
        String transcript = "[doctor] my assessment and plan .\n[doctor] " + sentence + " .\n";
        assertThat(codes("", transcript)).contains("Z85.828");
    }

    @Test
    void anAbnormalResultTheClinicianReportsIsCodedAsAFinding() {
        String transcript = "[doctor] your recent labs showed an elevated alkaline phosphatase , so we'll recheck it .\n";
        Diagnosis alp = find("", transcript, "R74.8");
        assertThat(alp.evidence()).isNotEmpty();
        assertThat(alp.rationale()).contains("elevated alkaline phosphatase");
        // a finding merely asked about is not
        assertThat(codes("", "[doctor] have you ever had an elevated alkaline phosphatase before ?\n")).doesNotContain("R74.8");
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
                [patient] my right knee aches on the outside when i run .
                [doctor] let me look at your left knee first . the left knee is normal .
                [doctor] now the right knee , it is tender laterally .
                [doctor] for my assessment , you have a knee sprain from overuse .
                """;
        Diagnosis sprain = find("", transcript, "S83.91XA");
        assertThat(sprain.rationale()).contains("right side documented");
        Evidence said = sprain.evidence().get(0);
        assertThat(transcript.substring(said.start(), said.end())).isEqualTo("knee sprain");
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
