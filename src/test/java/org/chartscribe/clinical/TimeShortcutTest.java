package org.chartscribe.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The time patterns tried only where they can start find what they find tried everywhere. */
class TimeShortcutTest {

    private static final String[] PIECES = {"for", "over", "x", "past", "last", "lasting", "the", "about", "around",
        "like", "maybe", "roughly", "a", "an", "couple", "of", "few", "several", "many", "or", "so", "more", "2",
        "10", "3.5", "two", "weeks", "day", "nights", "months", "year", "ago", "since", "monday", "last night",
        "the fall", "i was", "young", "pain", "(", ",", ".", "-", "\n", "chicago", "agonist"};

    @Test
    void sameExpressionsWithAndWithoutTheShortcuts() {
        Random random = new Random(5);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(20); k > 0; k--) {
                sb.append(PIECES[random.nextInt(PIECES.length)]).append(random.nextInt(5) == 0 ? "" : " ");
            }
            NormalizedText nt = NormalizedText.of(sb.toString());
            assertThat(TimeExtractor.extract(nt, true)).as(sb.toString()).isEqualTo(TimeExtractor.extract(nt, false));
        }
    }

    @Test
    void readsAnOnsetAFewWordsBeforeAgo() {
        NormalizedText nt = NormalizedText.of("It started about 2 or so weeks ago, and has lasted for 3 days.");
        assertThat(TimeExtractor.extract(nt)).extracting(TimeExpression::kind)
                .containsExactly(TimeExpression.Kind.AGO, TimeExpression.Kind.DURATION);
    }
}
