package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StuttersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "There is a lateral a lateral meniscus tear|There is a lateral meniscus tear",
            "She has had the the pain|She has had the pain",
            "It's- it's been better|It's been better",
            "He went to to the store|He went to the store",
            "She had a congenital she had a congenital heart defect|She had a congenital heart defect",
            "The The pain|The pain",
            // not stutters: words between, a number between, a word inside another
            "the knee and the ankle|the knee and the ankle",
            "1 to 2 to 3|1 to 2 to 3",
            "that that's fine|that that's fine",
            "She had had surgery|She had had surgery",
            "he said that that helped|he said that that helped",
            "no repeat here|no repeat here"})
    void aPhraseSaidTwiceInARowIsSaidOnce(String spoken, String written) {
        assertThat(Stutters.collapse(spoken)).isEqualTo(written);
        if (!spoken.equals(written)) {
            assertThat(Stutters.mayHaveOne(spoken)).as("the cheap test lets every stutter through").isTrue();
        }
    }

    @org.junit.jupiter.api.Test
    void aSentenceWithNoRepeatedWordNeedsNoStutterRepair() {
        assertThat(Stutters.mayHaveOne("She has knee pain when climbing stairs")).isFalse();
        assertThat(Stutters.mayHaveOne("If maybe if she walks")).isTrue();
    }
}
