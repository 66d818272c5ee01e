package org.chartscribe.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Phrases read from a pattern's alternation are a necessary condition for the pattern. */
class WordPhrasesTest {

    private static final List<String> ALTERNATIONS = List.of(
            "heart|hearts|murmurs?|gallops?|s1|s2|regular rate|carotid bruits?|bradycardic",
            "lungs?|breath sounds|wheez\\w*|crackles|clear to auscultation|chest wall",
            "abdomen|bowel sounds|murphy's sign|phalan\\w+|sinus\\w*|conjunctiva\\w*|lymph nodes?",
            "if (?:it|that) (?:gets worse|does ?n't help)|call (?:me|us)|xr{0,2}ay|come back");

    @Test
    void readsEachAlternativeUpToItsFirstPatternCharacter() {
        WordPhrases phrases = WordPhrases.ofAlternation("murmurs?|wheez\\w*|s1|carotid bruits?", false, true);
        assertThat(phrases.in("a soft murmur")).isTrue();
        assertThat(phrases.in("wheezing")).isTrue();
        assertThat(phrases.in("s1 and s2")).isTrue();
        assertThat(phrases.in("s12")).isFalse();
        assertThat(phrases.in("no carotid bruit")).isTrue();
        assertThat(phrases.in("the heart")).isFalse();
        assertThat(phrases.in("submurmur")).isFalse();
    }

    @Test
    void noShortcutWhenAnAlternativeDoesNotStartWithPlainText() {
        assertThat(WordPhrases.ofAlternation("heart|(?:left|right) lung", false, true)).isNull();
        assertThat(WordPhrases.ofAlternation("heart|\\d+ beats", false, true)).isNull();
        assertThat(WordPhrases.ofAlternation("heart|", false, true)).isNull();
    }

    @Test
    void whereThePatternFindsAMatchThePhrasesAreIn() {
        Random random = new Random(3);
        String[] pieces = {"heart", "hearts", "murmur", "s", "1", "s1", "regular", "rate", "carotid", "bruits", "lung",
            "breath", "sounds", "wheezy", "chest", "wall", "abdomen", "murphy's", "sign", "phalanx", "sinus",
            "lymph", "node", "nodes", "if", "it", "gets", "worse", "does", "n't", "help", "call", "me", "xray", "ray",
            "come", "back", "-", "'", ",", "x"};
        for (String alternation : ALTERNATIONS) {
            for (boolean wordEnd : new boolean[] {true, false}) {
                Pattern pattern = Pattern.compile("\\b(?:" + alternation + ")" + (wordEnd ? "\\b" : ""));
                WordPhrases phrases = WordPhrases.ofAlternation(alternation, false, wordEnd);
                for (int i = 0; i < 3_000; i++) {
                    StringBuilder sb = new StringBuilder();
                    for (int k = random.nextInt(6); k > 0; k--) {
                        sb.append(pieces[random.nextInt(pieces.length)]).append(random.nextInt(4) == 0 ? "" : " ");
                    }
                    String text = sb.toString();
                    if (pattern.matcher(text).find()) {
                        assertThat(phrases.in(text)).as(alternation + " on '" + text + "'").isTrue();
                    }
                }
            }
        }
    }
}
