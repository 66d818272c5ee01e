package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.chartscribe.transcript.SmallTalk;
import org.junit.jupiter.api.Test;

/**
 * The speed work replaced some patterns with hand-written scans and guarded others with cheap
 * checks; each must give exactly what the pattern gives. Compared on many generated sentences made of
 * words chosen to hit the edge cases (fillers, apostrophes, hyphens, repeated words, tabs).
 */
class FastPathEquivalenceTest {

    private static final String[] WORDS = {"um", "umm", "uh", "uh-huh", "mm-hmm", "mhm", "hmm", "hm", "er", "erm", "ah",
        "her", "after", "you", "know", "i", "mean", "kind", "of", "like", "sort", "the", "the", "pain", "Pain", "it's",
        "I", "i'm", "don't", "x-ray", "3", "20", "mg", ",", ".", "?", "!", ";", ":", "-", "--", "'cause", "here", "there",
        "just", "adjust", "okay", "right", "so", "and", "if", "it", "is", "not", "UM", "Uh", "you", "know,", "um,",
        "um.", "left", "knee", "knee,", "some", "really", "a", "little", "bit", "going", "to"};
    private static final String[] SPACES = {" ", " ", " ", "  ", "\t", " \n", ", ", " , ", ""};

    private static List<String> sentences(long seed, int n) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int words = 1 + random.nextInt(14);
            for (int w = 0; w < words; w++) {
                sb.append(WORDS[random.nextInt(WORDS.length)]).append(SPACES[random.nextInt(SPACES.length)]);
            }
            out.add(random.nextBoolean() ? sb.toString().trim() : sb.toString());
        }
        return out;
    }

    private static final Pattern FILLERS = Pattern.compile(
            "(?i)(?<![\\w'-])(?:um+|uh+|uh-huh|mm-hmm|mhm|hmm+|er|erm|ah|you know|i mean|kind of like|sort of like)"
                    + "(?![\\w'-])\\s*[,.]?");

    @Test
    void fillersAreRemovedExactlyAsThePatternDoes() {
        for (String s : sentences(1, 20_000)) {
            String expected = FILLERS.matcher(s).replaceAll("").replaceAll("\\s{2,}", " ").trim();
            assertThat(SmallTalk.withoutFillers(s)).as(s).isEqualTo(expected);
        }
    }

    @Test
    void spacingIsTidiedExactlyAsThePatternsDo() {
        for (String s : sentences(2, 20_000)) {
            assertThat(org.chartscribe.transcript.Whitespace.collapse(s)).as(s).isEqualTo(s.replaceAll("\\s{2,}", " "));
            assertThat(NoteStyle.withoutSpaceBeforePunct(s)).as(s).isEqualTo(s.replaceAll("\\s+([,.;:?!])", "$1"));
        }
    }

    @Test
    void theRewriteIsUnchangedByItsGuards() {
        // the guards only skip patterns that cannot match, so guarded and unguarded rewrites agree;
        // here: repeated words, lone "i" and dangling endings, each checked against its pattern alone
        Pattern repeated = Pattern.compile("(?i)\\b([a-z']+)(?:\\s*,\\s*|\\s+)\\1\\b");
        Pattern loneI = Pattern.compile("(?<![\\w'])i(?=[\\s,.;:!?']|$)");
        for (String s : sentences(3, 20_000)) {
            String collapsed = s;
            String previous;
            do {
                previous = collapsed;
                collapsed = repeated.matcher(collapsed).replaceAll("$1");
            } while (!collapsed.equals(previous));
            assertThat(NoteStyle.collapseRepeatsForTest(s)).as(s).isEqualTo(collapsed);
            assertThat(NoteStyle.mayHaveLoneIForTest(s) || !loneI.matcher(s).find()).as(s).isTrue();
            assertThat(NoteStyle.mayDangleForTest(s) || !NoteStyle.danglingEndForTest().matcher(s).find()).as(s).isTrue();
        }
    }

    @Test
    void cuesMatchWhatASubstringSearchFinds() {
        Set<String> phrases = new LinkedHashSet<>(List.of("pain", "pa", "p", "knee", "kn", "the pain", "it's", "x-ray",
                "3", "20 mg", "mg", "um ", "here", "just", "left knee", "lef", "a", "a little", "so "));
        Cues cues = Cues.of(phrases.toArray(String[]::new));
        for (String s : sentences(4, 20_000)) {
            String lookup = Cues.lookup(s);
            int expected = 0;
            for (String p : phrases) {
                if (lookup.contains(" " + p)) {
                    expected++;
                }
            }
            assertThat(cues.count(lookup)).as(lookup).isEqualTo(expected);
            assertThat(cues.any(lookup)).as(lookup).isEqualTo(expected > 0);
        }
    }
}
