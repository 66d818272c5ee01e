package org.chartscribe.clinical;

import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a pattern over a long text with the matches {@link Matcher#find()} would give, but tries it only at
 * the positions where a caller's cheap test says a match could start. Java's regex engine attempts a pattern
 * at every position of the text (a word boundary, a look-behind and an alternation each time), which made the
 * whole-transcript scans of the time and grounding checks costly; most positions cannot start a match at all
 * ("for 2 weeks" starts with one of a few words, "2 weeks ago" only a few words before an "ago"). Trying the
 * pattern at a position costs a matcher reset, so the test should let through few positions beyond real starts.
 *
 * <p>Why the matches are the same: {@code find()} tries the positions from where the last match ended, in
 * order, and takes the first at which the pattern matches. Here the pattern is tried at the same positions in
 * the same order, skipping only those the test rules out, with {@link Matcher#lookingAt()} on a region that
 * starts there; transparent and non-anchoring bounds let look-behinds, {@code \b} and {@code ^} see the text
 * before the region exactly as {@code find()} sees it. So the test must be true wherever a match could start
 * (a false "no" loses a match); a false "yes" only costs a try.
 */
public final class MatchStarts {

    private MatchStarts() {}

    /**
     * Each match in order, as {@code find()} would give it; {@code each} reads the matcher's groups and must
     * not keep the matcher.
     */
    public static void forEach(Pattern pattern, String text, IntPredicate mayStartAt, Consumer<Matcher> each) {
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int n = text.length();
        int at = 0;
        while (at <= n) {
            if (mayStartAt.test(at) && m.region(at, n).lookingAt()) {
                each.accept(m);
                at = m.end() > at ? m.end() : at + 1; // an empty match moves on by one, as find() does
            } else {
                at++;
            }
        }
    }

    /** A test for patterns that open with one of some phrases at a word start ({@link WordPhrases#startsAt}). */
    public static IntPredicate phraseAt(String text, WordPhrases phrases) {
        return at -> phrases.startsAt(text, at);
    }
}
