package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Normal exam findings in a chart's words, only when the sentence says nothing else. */
class ExamNormalsTest {

    @Test
    void normalFindingsAreChartedInAChartsWords() {
        assertThat(ExamNormals.charted("Lungs their lungs are clear bilaterally there are no crackles or wheezes."))
                .contains("Lungs clear bilaterally. No crackles or wheezes.");
        assertThat(ExamNormals.charted("Lungs are clear to auscultation bilaterally.")).contains("Lungs clear to auscultation bilaterally.");
        assertThat(ExamNormals.charted("Lungs are clear without wheezes rales or rhonchi."))
                .contains("Lungs clear. No wheezes, rales, or rhonchi.");
        assertThat(ExamNormals.charted("Heart is nice and regular.")).contains("Regular rhythm.");
        assertThat(ExamNormals.charted("His heart is a regular rate and rhythm, no murmur.")).contains("Regular rate and rhythm. No murmur.");
        assertThat(ExamNormals.charted("Abdomen, is nice and soft.")).contains("Abdomen soft.");
        assertThat(ExamNormals.charted("Abdomen is nontender and nondistended.")).contains("Abdomen nontender, nondistended.");
        assertThat(ExamNormals.charted("Looking at the patient, their neck is very supple.")).contains("Neck supple.");
        assertThat(ExamNormals.charted("There's no cervical lymphadenopathy.")).contains("No cervical lymphadenopathy.");
        assertThat(ExamNormals.charted("Thyroid seems not enlarged.")).contains("No thyromegaly.");
    }

    @Test
    void aSentenceThatSaysAnythingElseStaysAsSaid() {
        // a finding, a number, a hedge or a site beside the normal remarks must not be lost
        assertThat(ExamNormals.charted("Lungs have fine crackles in them, bilaterally.")).isEmpty();
        assertThat(ExamNormals.charted("Abdomen is soft, and she does have pain to palpation of her lumbar spine.")).isEmpty();
        assertThat(ExamNormals.charted("Regular rate and rhythm with a grade 2 out of six systolic ejection murmur.")).isEmpty();
        assertThat(ExamNormals.charted("Lungs otherwise sound clear.")).isEmpty();
        assertThat(ExamNormals.charted("Heart sounds great.")).isEmpty();
        assertThat(ExamNormals.charted("Lungs may be clear.")).isEmpty();
    }
}
