package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The guard's whole-transcript patterns tried only where they can start find what they find tried everywhere. */
class GroundingShortcutTest {

    private static final String[] PIECES = {"left", "Right", "LEFT", "bilateral", "bilaterally", "leftover", "bright",
        "130", "1300", "80", "over", "OVER", "Over", "9", "90.5", ".", "/", "over-", "bp", "on", "the", "side", ","};

    @Test
    void sameSidesAndPairsWithAndWithoutTheShortcuts() {
        Random random = new Random(9);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(15); k > 0; k--) {
                sb.append(PIECES[random.nextInt(PIECES.length)]).append(random.nextInt(4) == 0 ? "" : " ");
            }
            String text = sb.toString();
            assertThat(GroundingGuard.sidesSaid(text, true)).as(text).isEqualTo(GroundingGuard.sidesSaid(text, false));
            assertThat(GroundingGuard.overPairs(text, true)).as(text).isEqualTo(GroundingGuard.overPairs(text, false));
        }
    }

    @Test
    void readsSidesAndPairs() {
        String text = "Left knee and right hip; BP 130 over 80, then 1300 over 80.";
        assertThat(GroundingGuard.sidesSaid(text)).containsExactlyInAnyOrder("left", "right");
        assertThat(GroundingGuard.overPairs(text)).containsExactly("130/80");
    }
}
