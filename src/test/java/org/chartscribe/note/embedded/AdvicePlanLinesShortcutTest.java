package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The results-call words are a necessary condition for the results-call pattern. */
class AdvicePlanLinesShortcutTest {

    @Test
    void everySpeakerAndPortalOfThePatternSaysOneOfTheWords() {
        // the alternatives of each group after a word boundary: the speakers ("i'll", "the nurse will") and the
        // portals (what a speaker does follows white space, not a boundary, and is not read)
        Matcher groups = Pattern.compile("\\\\b\\(\\?:([^()]*)\\)").matcher(AdvicePlanLines.RESULTS_CALL.pattern());
        int seen = 0;
        while (groups.find()) {
            seen++;
            for (String alternative : groups.group(1).split("\\|")) {
                assertThat(AdvicePlanLines.RESULTS_CALL_WORDS).as(alternative).anyMatch(alternative::contains);
            }
        }
        assertThat(seen).isEqualTo(2);
    }

    @Test
    void aPromisedCallOrThePortalMayPromiseResults() {
        assertThat(AdvicePlanLines.mayPromiseResults("the nurse will call you with them")).isTrue();
        assertThat(AdvicePlanLines.mayPromiseResults("you'll see them in mychart")).isTrue();
        assertThat(AdvicePlanLines.mayPromiseResults("keep icing the knee")).isFalse();
    }
}
