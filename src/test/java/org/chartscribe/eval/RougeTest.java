package org.chartscribe.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Expected values computed by hand; the comments show the arithmetic. */
class RougeTest {

    private static final Offset<Double> EPS = within(1e-9);

    @Test
    void identicalTextsScoreOne() {
        Rouge.Scores s = Rouge.score("the cat sat", "The cat, sat.");
        assertThat(s.rouge1()).isCloseTo(1.0, EPS);
        assertThat(s.rouge2()).isCloseTo(1.0, EPS);
        assertThat(s.rougeL()).isCloseTo(1.0, EPS);
    }

    @Test
    void partialOverlap() {
        // hyp: the cat sat on the mat (6) ref: the cat lay on the mat (6)
        // unigrams: the x2, cat, on, mat -> 5 overlap; P = R = 5/6
        // bigrams hyp: the-cat cat-sat sat-on on-the the-mat; ref: the-cat cat-lay lay-on on-the the-mat -> 3 of 5
        // LCS: the cat on the mat = 5 -> 5/6
        Rouge.Scores s = Rouge.score("the cat sat on the mat", "the cat lay on the mat");
        assertThat(s.rouge1()).isCloseTo(5.0 / 6, EPS);
        assertThat(s.rouge2()).isCloseTo(3.0 / 5, EPS);
        assertThat(s.rougeL()).isCloseTo(5.0 / 6, EPS);
    }

    @Test
    void differentLengthsUseHarmonicMean() {
        // hyp: a b (2) ref: a b c d (4); overlap 2: P = 1, R = 1/2, F1 = 2/3
        Rouge.Scores s = Rouge.score("a b", "a b c d");
        assertThat(s.rouge1()).isCloseTo(2.0 / 3, EPS);
        // bigram: hyp {a-b} ref {a-b, b-c, c-d}: P = 1, R = 1/3, F1 = 0.5
        assertThat(s.rouge2()).isCloseTo(0.5, EPS);
        assertThat(s.rougeL()).isCloseTo(2.0 / 3, EPS);
    }

    @Test
    void repeatedHypothesisTokensAreClipped() {
        // hyp: pain pain pain pain (4) ref: pain relief (2): overlap min(4,1) = 1
        // P = 1/4, R = 1/2, F1 = 2 * 1/8 / (3/4) = 1/3
        Rouge.Scores s = Rouge.score("pain pain pain pain", "pain relief");
        assertThat(s.rouge1()).isCloseTo(1.0 / 3, EPS);
        assertThat(s.rouge2()).isCloseTo(0.0, EPS);
        assertThat(s.rougeL()).isCloseTo(1.0 / 3, EPS);
    }

    @Test
    void rougeLRespectsOrderWhereRouge1DoesNot() {
        // same bag of words, reversed: R1 = 1, LCS = 1 of 3
        Rouge.Scores s = Rouge.score("c b a", "a b c");
        assertThat(s.rouge1()).isCloseTo(1.0, EPS);
        assertThat(s.rouge2()).isCloseTo(0.0, EPS);
        assertThat(s.rougeL()).isCloseTo(1.0 / 3, EPS);
    }

    @Test
    void lcsSkipsGaps() {
        assertThat(Rouge.lcsLength(List.of("a", "x", "b", "y", "c"), List.of("a", "b", "z", "c"))).isEqualTo(3);
        assertThat(Rouge.lcsLength(List.of(), List.of("a"))).isZero();
    }

    @Test
    void emptyOrPunctuationOnlySidesScoreZeroNotNaN() {
        for (String[] pair : new String[][] {{"", "a b"}, {"a b", ""}, {"", ""}, {"...", "--"}}) {
            Rouge.Scores s = Rouge.score(pair[0], pair[1]);
            assertThat(s.rouge1()).isZero();
            assertThat(s.rouge2()).isZero();
            assertThat(s.rougeL()).isZero();
        }
    }

    @Test
    void singleTokenTextsHaveNoBigrams() {
        Rouge.Scores s = Rouge.score("cough", "cough");
        assertThat(s.rouge1()).isCloseTo(1.0, EPS);
        assertThat(s.rouge2()).isZero();
    }
}
