package org.chartscribe.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MatchStartsTest {

    private static final List<String> TEXTS = List.of(
            "pain for 2 weeks, started about 3 days ago and worse since monday",
            "BP 130 over 80,130/80 and 12.5 mg.(2 weeks ago)x3 days",
            "left knee, Right hip;bilaterally. leftover rightly b",
            "1234 over 567 over 89 and 0.5 over .5",
            "",
            "2",
            "since since since the fall");

    @Test
    void givesTheMatchesFindGivesWhenTheTestAllowsEveryMatchStart() {
        List<Pattern> patterns = List.of(
                Pattern.compile("\\b(?:about\\s+|like\\s+)?(\\d+|a few|a)\\s*(days?|weeks?)\\s+ago\\b"),
                Pattern.compile("(?i)(?<![\\d.])(\\d{2,3}) over (\\d{2,3})(?!\\d|\\.\\d)"),
                Pattern.compile("\\d+(?:[.,/:]\\d+)*"),
                Pattern.compile("(?i)(?=[lrb])\\b(left|right|bilateral|bilaterally)\\b"),
                Pattern.compile("(?:^|(?<=, ))(\\w+)"),
                Pattern.compile("\\bsince\\s+(the fall|monday)?"));
        List<String> firsts = java.util.Arrays.asList("0123456789al", "0123456789", "0123456789", "lrbLRB", null, "s");
        for (int p = 0; p < patterns.size(); p++) {
            for (String text : TEXTS) {
                IntPredicate starts = firsts.get(p) == null ? at -> true : charIn(text, firsts.get(p));
                assertThat(viaStarts(patterns.get(p), text, starts)).as(patterns.get(p) + " on " + text)
                        .isEqualTo(viaFind(patterns.get(p), text));
            }
        }
    }

    @Test
    void wordStartsAreEnoughForPatternsOpeningWithAWordBoundary() {
        Pattern ago = Pattern.compile("\\b(?:about\\s+)?(\\d+|a few|a)\\s*(days?|weeks?)\\s+ago\\b");
        Random random = new Random(7);
        String[] pieces = {"a", "few", "about", "2", "22", "days", "week", "ago", "x", "(", ",", " ", "  ", "ago2", "3a"};
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                sb.append(pieces[random.nextInt(pieces.length)]).append(random.nextBoolean() ? " " : "");
            }
            String text = sb.toString();
            assertThat(viaStarts(ago, text, wordStartWith(text, "0123456789a"))).as(text)
                    .isEqualTo(viaFind(ago, text));
        }
    }

    @Test
    void aTestThatRulesOutAMatchStartLosesTheMatch() {
        // the contract's other side: the test must allow every position a match could start at
        String text = "for 2 weeks";
        assertThat(viaStarts(Pattern.compile("\\d+"), text, charIn(text, "13"))).isEmpty();
    }

    private static IntPredicate charIn(String text, String firsts) {
        return at -> at < text.length() && firsts.indexOf(text.charAt(at)) >= 0;
    }

    /** A first character at a word start: after no ASCII letter, digit or underscore. */
    private static IntPredicate wordStartWith(String text, String firsts) {
        return at -> charIn(text, firsts).test(at) && (at == 0 || !WordPhrases.isWordChar(text.charAt(at - 1)));
    }

    private static List<String> viaFind(Pattern pattern, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(describe(m));
        }
        return out;
    }

    private static List<String> viaStarts(Pattern pattern, String text, IntPredicate starts) {
        List<String> out = new ArrayList<>();
        MatchStarts.forEach(pattern, text, starts, m -> out.add(describe(m)));
        return out;
    }

    private static String describe(Matcher m) {
        StringBuilder sb = new StringBuilder().append(m.start()).append('-').append(m.end());
        for (int g = 1; g <= m.groupCount(); g++) {
            sb.append('|').append(m.group(g)).append('@').append(m.start(g));
        }
        return sb.toString();
    }
}
