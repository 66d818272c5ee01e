package org.chartscribe.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsExtractorTest {

    private static List<String> results(String text) {
        return ClinicalExtractor.extract(text).results().stream()
                .map(r -> r.kind() + " " + r.test() + " " + (r.value() == null ? "-" : r.value().toPlainString())
                        + " " + (r.unit() == null ? "-" : r.unit()) + " " + r.interpretation())
                .toList();
    }

    @Test
    void valuesUnitsAndInterpretations() {
        assertThat(results("Your hemoglobin A1c came back at 7.2 percent, which is high."))
                .containsExactly("LAB hemoglobin a1c 7.2 % high");
        assertThat(results("potassium was three point one, a little low"))
                .containsExactly("LAB potassium 3.1 - low");
        assertThat(results("Your chest x-ray was normal.")).containsExactly("IMAGING chest x-ray - - normal");
        assertThat(results("the MRI showed no fracture")).containsExactly("IMAGING mri - - normal");
        assertThat(results("the x-ray shows a fracture of the radius")).containsExactly("IMAGING x-ray - - fracture");
    }

    @Test
    void exactSpan() {
        String text = "LDL of 160 mg/dl.";
        TestResult r = ClinicalExtractor.extract(text).results().get(0);
        assertThat(text.substring(r.start(), r.end())).isEqualTo("LDL of 160 mg/dl");
    }

    @Test
    void traps() {
        assertThat(results("I'm going to order an x-ray to look for a fracture.")).isEmpty(); // an order
        assertThat(results("we talked about your cholesterol")).isEmpty();                   // no value, no reading
        assertThat(results("let us know")).isEmpty();
        assertThat(results("my last colonoscopy was about three years ago, it was normal"))
                .containsExactly("IMAGING colonoscopy - - normal");
        assertThat(results("I'll put some sugar in my coffee")).isEmpty();
    }
}
