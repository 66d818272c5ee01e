package org.chartscribe.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written tokenizer gives exactly what the regex [\p{L}\p{N}]+ with lowercasing gave. */
class WordsTest {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private static List<Words.Word> byRegex(String text) {
        List<Words.Word> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(new Words.Word(m.group().toLowerCase(Locale.ROOT), m.start(), m.end()));
        }
        return out;
    }

    @Test
    void tokensAndOffsetsMatchTheRegexDefinition() {
        for (String text : List.of("", "Pepto-Bismol 2x/day", "BP 120/80, HbA1c 7.2%", "café Ünder ½ dose ²",
                "  leading and trailing  ", "naïve İstanbul ǅ", "emoji 😀 between", "x-ray\tMRI\nCT")) {
            assertThat(Words.of(text)).as(text).isEqualTo(byRegex(text));
        }
        Random random = new Random(7);
        String alphabet = "aZ9 ,.-'éÜ½²İ😀\t";
        for (int n = 0; n < 500; n++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            assertThat(Words.of(sb.toString())).as(sb.toString()).isEqualTo(byRegex(sb.toString()));
        }
    }
}
