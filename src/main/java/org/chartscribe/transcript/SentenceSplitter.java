package org.chartscribe.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a span of the original text into sentences, keeping exact offsets. Handles titles
 * ("Dr."), units ("mg."), decimals ("2.5"), "e.g.", hesitation ellipses and ACI-Bench's
 * space-separated punctuation ("i'm okay . how are you ?"). A line break also ends a sentence,
 * because dictated notes put labels such as "Plan:" on their own line.
 */
final class SentenceSplitter {

    /** Never end a sentence: a name or an example follows. */
    private static final Set<String> TITLES = Set.of(
            "dr", "mr", "mrs", "ms", "prof", "st", "sr", "jr", "vs", "e.g", "i.e", "eg", "ie", "approx", "fig");

    /** End a sentence only when the next word is capitalised (or a digit), e.g. "10 mg. Follow up". */
    private static final Set<String> SOFT = Set.of(
            "mg", "mcg", "ml", "kg", "lb", "lbs", "oz", "cm", "mm", "hr", "hrs", "min", "mins", "sec", "wk", "wks",
            "mo", "mos", "yr", "yrs", "etc", "tab", "tabs", "cap", "caps", "qd", "bid", "tid", "qid", "prn", "q.d",
            "b.i.d", "t.i.d", "approx", "dept", "inc");

    private SentenceSplitter() {}

    static List<Sentence> split(String src, int from, int to, Role role) {
        List<Sentence> out = new ArrayList<>();
        int start = -1;
        int i = from;
        while (i < to) {
            char c = src.charAt(i);
            if (start < 0) {
                // a sentence starts at its first letter, digit, quote or bracket, never at stray punctuation
                if (Character.isLetterOrDigit(c) || c == '"' || c == '\'' || c == '(' || c == '$' || c == '#') {
                    start = i;
                }
                i++;
                continue;
            }
            if (c == '\n' || c == '\r') {
                emit(src, start, i, role, out);
                start = -1;
                i++;
                continue;
            }
            if (c == '?' || c == '!' || (c == '.' && isBoundary(src, i, to))) {
                int end = i + 1;
                while (end < to && ".?!\"')".indexOf(src.charAt(end)) >= 0) {
                    end++;
                }
                emit(src, start, end, role, out);
                start = -1;
                i = end;
                continue;
            }
            if (c == '.' || c == '\u2026') {
                // skip a whole ellipsis: speakers use it for hesitation inside a sentence
                while (i + 1 < to && src.charAt(i + 1) == '.') {
                    i++;
                }
            }
            i++;
        }
        if (start >= 0) {
            emit(src, start, to, role, out);
        }
        return out;
    }

    private static boolean isBoundary(String src, int dot, int to) {
        boolean ellipsis = (dot + 1 < to && src.charAt(dot + 1) == '.') || (dot > 0 && src.charAt(dot - 1) == '.');
        if (ellipsis) {
            return false;
        }
        if (dot + 1 < to) {
            char next = src.charAt(dot + 1);
            if (!Character.isWhitespace(next) && next != '"' && next != '\'' && next != ')') {
                return false; // "2.5", "e.g", "x.com"
            }
        }
        String word = wordBefore(src, dot);
        if (word.isEmpty()) {
            return true; // ACI style " . "
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (TITLES.contains(lower)) {
            return false;
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return false; // an initial, "J. Smith"
        }
        if (SOFT.contains(lower)) {
            int j = dot + 1;
            while (j < to && src.charAt(j) == ' ') {
                j++;
            }
            return j >= to || Character.isUpperCase(src.charAt(j)) || Character.isDigit(src.charAt(j))
                    || src.charAt(j) == '\n';
        }
        return true;
    }

    /** The letters (and inner dots, as in "e.g") just before position {@code dot}. */
    private static String wordBefore(String src, int dot) {
        int j = dot;
        while (j > 0 && (Character.isLetter(src.charAt(j - 1)) || (src.charAt(j - 1) == '.' && j - 1 > 0
                && Character.isLetter(src.charAt(j - 2))))) {
            j--;
        }
        return src.substring(j, dot);
    }

    /**
     * Where an unpunctuated run (speech recognition output) starts a new sentence: before a discourse
     * marker, a question opening or a new intention.
     */
    private static final Pattern SPOKEN_BOUNDARY = Pattern.compile(
            // grouped by first letter, so that the matcher tries one group per word instead of every phrase; the
            // whole is a lookahead, so which phrase matches does not matter, only that one does
            "(?i)(?<=\\s)(?=[oasnubdhicwltmfy])(?=(?:"
                    + "o(?:kay|k|n (?:(?:your|my|his|her|their|the) )?(?:[a-z]+ )?exam(?:ination)?|pen (?:up )?your)"
                    + "|a(?:lright|ll right|nyway|nd then|re you|ny other|s far as|nd (?:i'm|we're|i'll|we'll) going"
                    + "|nd (?:i'm|i am|we're|we are|i'll|we'll|i will|we will) also)"
                    + "|so(?! that| much| far| many| long)"
                    + "|now"
                    + "|u(?:m|h)"
                    + "|but"
                    + "|d(?:o you|id you|oes it)"
                    + "|h(?:ave you|ow (?:long|often|much|many|are|is|about)|ey dragon|as anyone|(?:is|er) (?:heart|lungs|abdomen)\\b)"
                    + "|i(?:s it|s there|s anyone| want|'m going| am going| think|'d like| would like|'ll| also| do want|n terms of"
                    + "|'d also| would also| also want|(?:'m| am|'ll| will) also)"
                    + "|can you"
                    + "|w(?:hat|hen did|here|e're going|e are going|e'll|(?:e're|e are|e'll|e will) also)"
                    + "|l(?:et's|et me|ooking at)"
                    + "|t(?:he plan|here's no|heir (?:heart|lungs|abdomen)\\b)"
                    // "on your neck exam there is ...": the finding stays with the body system it was found on
                    + "|(?<!exam |examination )there (?:is|are|was|were)\\b"
                    + "|m(?:y assessment|y impression)"
                    + "|for your"
                    + "|your (?:blood pressure|heart rate|lungs|heart|abdomen|exam|x-ray|labs)"
                    + ")\\b)");
    private static final int LONG_RUN_WORDS = 14;
    private static final int MIN_PIECE_WORDS = 4;
    /** A transcript with commas was punctuated by a person or a recogniser that knows where clauses end. */
    private static final int LONG_PUNCTUATED_WORDS = 28;

    private static boolean hasCommas(String src, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = src.charAt(i);
            if (c == ',' || c == ';') {
                return true;
            }
        }
        return false;
    }

    private static void emit(String src, int start, int end, Role role, List<Sentence> out) {
        int longRun = hasCommas(src, start, end) ? LONG_PUNCTUATED_WORDS : LONG_RUN_WORDS;
        SpokenRuns.split(src, start, end, role, SPOKEN_BOUNDARY, longRun, MIN_PIECE_WORDS, out);
    }
}
