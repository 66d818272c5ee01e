package org.chartscribe.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Spoken forms and abbreviations reach the written words, keeping the spoken words' offsets. */
class SpokenFormsTest {

    @Test
    void spokenFormsAreRewrittenLongestFirstAndKeepTheirSpan() {
        String said = "my tummy ache and the A-fib";
        List<ClinicalTokens.Token> tokens = ClinicalTokens.of(said);
        assertThat(tokens).extracting(ClinicalTokens.Token::norm)
                .containsExactly("my", "abdominal", "pain", "and", "the", "atrial", "fibrillation");
        ClinicalTokens.Token atrial = tokens.get(5);
        assertThat(said.substring(atrial.start(), atrial.end())).isEqualTo("A-fib");
        assertThat(tokens.get(6).start()).isEqualTo(atrial.start());
    }

    @Test
    void wordsThatAreNotSpokenFormsStayAsWritten() {
        assertThat(ClinicalTokens.norms("blood sugar log")).containsExactly("blood", "glucose", "log");
        assertThat(ClinicalTokens.rawNorms("my sugar")).containsExactly("my", "sugar");
        assertThat(ClinicalTokens.norms("knee sprain")).containsExactly("knee", "sprain");
    }

    @Test
    void theCoderReadsSpokenFormsThroughTheTableAndTheIndex() {
        Icd10Coder coder = new Icd10Coder(Icd10CodeSetLoader.builtin());
        assertThat(coder.suggest("Assessment:\nA-fib.\n", null)).extracting(d -> d.code()).containsExactly("I48.91");
        // "high potassium" is hyperkalemia, which the index knows
        assertThat(coder.suggest("Assessment:\nHigh potassium.\n", null)).extracting(d -> d.code()).containsExactly("E87.5");
        // "kidney stone" is "Calculus, kidney"
        assertThat(coder.suggest("Assessment:\nKidney stone.\n", null)).extracting(d -> d.code()).containsExactly("N20.0");
    }

    @Test
    void aMalformedLineIsRefusedWithItsLineNumber() {
        assertThatThrownBy(() -> SpokenForms.parse("test.tsv", "# comment\nonly one column\n"))
                .isInstanceOf(CodeSetFormatException.class).hasMessageContaining("2");
    }
}
