package org.chartscribe.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RougeTokenizerTest {

    @Test
    void lowercasesAndSplitsOnEveryRunOutsideLettersAndDigits() {
        assertThat(RougeTokenizer.tokens("BP 140/90, HR: 72 -- O2-sat 98.6%"))
                .containsExactly("bp", "140", "90", "hr", "72", "o2", "sat", "98", "6");
    }

    @Test
    void accentsApostrophesAndUnderscoresAreSeparators() {
        assertThat(RougeTokenizer.tokens("Don't café_au_lait")).containsExactly("don", "t", "caf", "au", "lait");
    }

    @Test
    void emptyAndPunctuationOnlyGiveNoTokens() {
        assertThat(RougeTokenizer.tokens("")).isEmpty();
        assertThat(RougeTokenizer.tokens("  ... \n\t--- ")).isEmpty();
    }

    @Test
    void noStemming() {
        assertThat(RougeTokenizer.tokens("runs running")).containsExactly("runs", "running");
    }
}
