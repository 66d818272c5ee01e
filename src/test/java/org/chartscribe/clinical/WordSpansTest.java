package org.chartscribe.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The offsets-and-hashes reading gives the words of {@link Words#of}, and each hash is its word's. */
class WordSpansTest {

    private static List<Words.Word> viaSpans(String text) {
        WordSpans spans = WordSpans.of(text);
        List<Words.Word> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            assertThat(spans.hash(i)).as(text).isEqualTo(spans.word(i).hashCode());
            out.add(new Words.Word(spans.word(i), spans.start(i), spans.end(i)));
        }
        return out;
    }

    @Test
    void sameWordsAsWordsOf() {
        for (String text : List.of("", "Pepto-Bismol 2x/day", "BP 120/80, HbA1c 7.2%", "café Ünder ½ dose ²",
                "  leading and trailing  ", "naïve İstanbul ǅ", "emoji 😀 between", "x-ray\tMRI\nCT",
                "Take Lisinopril 10 MG daily for HYPERTENSION and twenty-one more words to make the arrays grow past "
                        + "their first size of sixteen words in all")) {
            assertThat(viaSpans(text)).as(text).isEqualTo(Words.of(text));
        }
        Random random = new Random(11);
        String alphabet = "aZ9 ,.-'éÜ½²İ😀\tQm";
        for (int n = 0; n < 500; n++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            assertThat(viaSpans(sb.toString())).as(sb.toString()).isEqualTo(Words.of(sb.toString()));
        }
    }
}
