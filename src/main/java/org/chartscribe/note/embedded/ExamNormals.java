package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normal exam findings in the words a chart uses: "lungs their lungs are nice and clear there are no crackles or
 * wheezes" becomes "Lungs clear. No crackles or wheezes."; "abdomen is nice and soft" becomes "Abdomen soft.".
 * Only when the spoken sentence says nothing else: every word left after the normal findings are taken out
 * must be a word of talk ("nice", "his", "sound", "i hear"), so that no finding, number or hedge is lost; any
 * other sentence stays as said.
 */
final class ExamNormals {

    /** A normal finding as said, and as charted ({@code $1}... are the said words kept). */
    private record Normal(Pattern said, String charted) {}

    private static final String SOFTENER = "(?:(?:nice and|very|pretty|perfectly|completely|totally|nice) )?";
    private static final String NEGATED_LIST = "((?:wheez\\w*|crackles|rales|rhonchi|murmurs?|gallops?|rubs?|clicks?)"
            + "(?:(?:,| ,)? (?:or|and|nor|no)? ?(?:any )?(?:wheez\\w*|crackles|rales|rhonchi|murmurs?|gallops?|rubs?|clicks?))*)";

    private static final List<Normal> NORMALS = List.of(
            new Normal(Pattern.compile("\\blungs?,?(?: (?:are|is|sound|sounds|were|seem|look))? " + SOFTENER
                    + "clear( to auscultation)?(?: and equal)?(?:( bilaterally)| (?:in all|throughout)(?: the)? "
                    + "(?:lung )?fields)?"), "Lungs clear$1$2"),
            new Normal(Pattern.compile("\\bregular rate and rhythm\\b"), "Regular rate and rhythm"),
            new Normal(Pattern.compile("\\bheart(?:'s| is| sounds?| rate| rhythm)? (?:is )?" + SOFTENER
                    + "regular(?! rate)\\b"), "Regular rhythm"),
            new Normal(Pattern.compile("\\bheart sounds (?:are |were )?normal\\b"), "Normal heart sounds"),
            new Normal(Pattern.compile("\\b(?:no|without|not hearing(?: any)?|don't hear(?: any)?|do not hear(?: any)?) "
                    + "(?:(?:expiratory|inspiratory|audible|obvious) )?" + NEGATED_LIST), "No $1"),
            new Normal(Pattern.compile("\\b(?:abdomen|belly),?(?: is| was| feels)? " + SOFTENER + "soft\\b"), "Abdomen soft"),
            new Normal(Pattern.compile("\\b(?:non-?tender|no tenderness|not tender)\\b"), "nontender"),
            new Normal(Pattern.compile("\\b(?:non-?distended|not distended)\\b"), "nondistended"),
            new Normal(Pattern.compile("\\bno (rebound(?:ing)?(?: (?:or|and) guarding)?|guarding)\\b"), "No $1"),
            new Normal(Pattern.compile("\\bneck,?(?: is| was| feels)? " + SOFTENER + "supple\\b"), "Neck supple"),
            new Normal(Pattern.compile("\\bno ((?:cervical |supraclavicular )?lymphadenopathy)\\b"), "No $1"),
            new Normal(Pattern.compile("\\bno (?:jvd|jugular venous (?:distension|distention))\\b"),
                    "No jugular venous distention"),
            new Normal(Pattern.compile("\\b(?:no thyromegaly|no thyroid enlargement|thyroid (?:is |seems |was )?not enlarged)\\b"),
                    "No thyromegaly"),
            new Normal(Pattern.compile("\\bno ((?:(?:bilateral )?lower extremity |leg |pedal |peripheral )?edema)\\b"), "No $1"),
            new Normal(Pattern.compile("\\balert and oriented\\b"), "Alert and oriented"));

    /** Words of talk around normal findings: what is left of a sentence that said only those. */
    private static final Set<String> TALK = Set.of("the", "a", "is", "are", "was", "were", "and", "or", "also", "his",
            "her", "their", "your", "patient's", "lungs", "lung", "heart", "heart's", "abdomen", "abdominal", "belly",
            "neck", "exam", "examination", "on", "of", "there", "there's", "with", "to", "nice", "pretty", "very",
            "good", "looks", "look", "sound", "sounds", "seem", "seems", "it", "it's", "that", "so", "okay", "i", "hear",
            "listen", "listened", "listening", "fine", "he", "she", "they", "has", "have", "got", "any", "appreciated",
            "appreciate", "noted", "respiratory", "cardiovascular", "auscultation", "then", "today", "um", "uh", "all",
            "my", "looking", "at", "patient", "feels", "feel", "when", "exam's", "examined");

    private static final Pattern WORD = Pattern.compile("[a-z']+|\\d+|[^\\sa-z'.,;:!]");

    private ExamNormals() {}

    /** The normal findings the sentence states, charted; empty when it says anything else too. */
    static Optional<String> charted(String sentence) {
        String lower = sentence.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        StringBuilder rest = new StringBuilder(lower);
        List<int[]> spans = new ArrayList<>();
        List<String> abdomen = new ArrayList<>();
        Set<String> lines = new LinkedHashSet<>();
        for (Normal n : NORMALS) {
            Matcher m = n.said().matcher(lower);
            while (m.find()) {
                if (taken(spans, m.start(), m.end())) {
                    continue;
                }
                spans.add(new int[] {m.start(), m.end()});
                for (int i = m.start(); i < m.end(); i++) {
                    rest.setCharAt(i, ' ');
                }
                String charted = charted(n, m);
                if (charted.equals("Abdomen soft") || charted.equals("nontender") || charted.equals("nondistended")) {
                    abdomen.add(charted);
                } else {
                    lines.add(charted);
                }
            }
        }
        if (!abdomen.isEmpty()) {
            String first = abdomen.get(0).equals("Abdomen soft") ? "Abdomen soft" : "Abdomen " + abdomen.get(0);
            List<String> more = abdomen.subList(1, abdomen.size());
            lines.add(more.isEmpty() ? first : first + ", " + String.join(", ", more));
        }
        if (lines.isEmpty() || !onlyTalk(rest.toString())) {
            return Optional.empty();
        }
        return Optional.of(String.join(". ", lines) + ".");
    }

    private static String charted(Normal n, Matcher m) {
        String out = n.charted();
        for (int g = 1; g <= m.groupCount(); g++) {
            String said = m.group(g) == null ? "" : LIST_ITEM.matcher(m.group(g)).find() ? tidyList(m.group(g)) : m.group(g);
            out = out.replace("$" + g, said);
        }
        return out;
    }

    private static final Pattern LIST_ITEM = Pattern.compile("wheez\\w*|crackles|rales|rhonchi|murmurs?|gallops?|rubs?|clicks?");

    /** "wheezes rales or rhonchi" is written "wheezes, rales, or rhonchi"; "wheezing" as "wheezes". */
    private static String tidyList(String said) {
        List<String> items = new ArrayList<>();
        Matcher m = LIST_ITEM.matcher(said);
        while (m.find()) {
            items.add(m.group().startsWith("wheez") ? "wheezes" : m.group());
        }
        if (items.size() < 2) {
            return said.strip();
        }
        String last = items.remove(items.size() - 1);
        return String.join(", ", items) + (items.size() > 1 ? "," : "") + " or " + last;
    }

    private static boolean taken(List<int[]> spans, int start, int end) {
        return spans.stream().anyMatch(s -> s[0] < end && start < s[1]);
    }

    private static boolean onlyTalk(String rest) {
        Matcher w = WORD.matcher(rest);
        while (w.find()) {
            if (!TALK.contains(w.group())) {
                return false;
            }
        }
        return true;
    }
}
