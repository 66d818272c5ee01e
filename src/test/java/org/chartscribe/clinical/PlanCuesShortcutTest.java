package org.chartscribe.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plan cues' shortcuts only skip a pattern that cannot match: on many generated clauses made of the
 * patterns' own words, whenever a pattern matches its shortcut says so too.
 */
class PlanCuesShortcutTest {

    private static final String[] WORDS = {"order", "ordering", "ordered", "orders", "get", "a", "an", "some", "you",
        "the", "go", "ahead", "and", "check", "your", "draw", "schedule", "send", "sending", "for", "to", "tomorrow",
        "obtain", "we'll", "i'll", "let's", "do", "want", "like", "repeat", "recheck", "need", "going", "refer",
        "referral", "see", "set", "up", "with", "consult", "consultation", "make", "appointment", "in", "follow",
        "follow-up", "followup", "cardiologist", "ortho", "surgeon", "him", "her", "them", "into", "recommend",
        "recommending", "prescribe", "start", "try", "begin", "physical", "occupational", "speech", "therapy", "pt",
        "cardiac", "rehab", "as", "needed", "prn", "if", "symptoms", "come", "back", "return", "i", "i'd", "would",
        "that", "suggest", "encourage", "sure", "should", "avoid", "stay", "hydrated", "drink", "plenty", "lots",
        "more", "ice", "it", "elevate", "rest", "heat", "pad", "diet", "exercise", "lose", "weight", "loss", "quit",
        "smoking", "cut", "on", "limit", "warning", "signs", "call", "me", "us", "office", "911", "er", "emergency",
        "educated", "counseled", "discussed", "brace", "sling", "splint", "cast", "crutch", "crutches", "walking",
        "boot", "walker", "cane", "weigh", "yourself", "daily", "weights", "2", "days", "weeks", "month", "year",
        "about", "after", "couple", "few", "one", "of", "knee", "pain", ",", ".", "?", "in 2 weeks", "in a few days",
        "after a month", "in 6 months for follow-up", "in one year"};
    private static final String[] SPACES = {" ", " ", " ", " ", "  ", ", ", "-", ""};

    @Test
    void eachShortcutHoldsWheneverItsPatternMatches() {
        Random random = new Random(7);
        int[] matched = new int[7];
        for (int i = 0; i < 300_000; i++) {
            StringBuilder sb = new StringBuilder();
            int words = 1 + random.nextInt(8);
            for (int w = 0; w < words; w++) {
                sb.append(WORDS[random.nextInt(WORDS.length)]).append(SPACES[random.nextInt(SPACES.length)]);
            }
            String s = sb.toString();
            check(PlanCues.ORDER, s, PlanCues.ordersSomething(s), matched, 0);
            check(PlanCues.REFERRAL, s, PlanCues.refers(s), matched, 1);
            check(PlanCues.FOLLOW_UP, s, PlanCues.mayFollowUp(s), matched, 2);
            check(PlanCues.FOLLOW_UP_AS_NEEDED, s, PlanCues.followUpAsNeeded(s), matched, 3);
            check(PlanCues.EDUCATION, s, PlanCues.advises(s), matched, 4);
            check(PlanCues.HOME_CARE, s, PlanCues.givesHomeCare(s), matched, 5);
        }
        for (int k = 0; k < 6; k++) {
            assertThat(matched[k]).as("pattern " + k + " matched").isPositive();
        }
    }

    private static void check(Pattern pattern, String s, boolean shortcut, int[] matched, int index) {
        if (pattern.matcher(s).find()) {
            matched[index]++;
            assertThat(shortcut).as(pattern + " on " + s).isTrue();
        }
    }
}
