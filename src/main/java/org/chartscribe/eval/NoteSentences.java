package org.chartscribe.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a rendered note into its sentences, by section, for {@link CopiedSpeech}. Heading lines (upper
 * case, or ending with ':' on their own line) start a new section and are not sentences; list markers
 * ("•", "-", "1.") are dropped; every line is split at '.', '?' or '!' followed by white space, except
 * after titles and Latin abbreviations ("Dr.", "e.g.", "vs."), initials, and units such as "mg." when the
 * next word starts in lower case ("20 mg. daily"). A line without a final stop is still a sentence: notes
 * write list items without one.
 */
final class NoteSentences {

    /** One sentence and the number of the section (0 before the first heading) it belongs to. */
    record Sentence(int section, String text) {
        @Override
        public String toString() {
            return "Sentence[section=" + section + ", " + text.length() + " chars]"; // the text is the note's
        }
    }

    private static final Pattern LIST_MARKER = Pattern.compile("^(?:[•·▪◦*+\\-–—]+|\\(?\\d{1,2}[.)]|\\(?[a-z][.)])\\s+");
    private static final Pattern STOP = Pattern.compile("[.?!]+[\"”')\\]]*\\s+");
    private static final Pattern LAST_WORD = Pattern.compile("([A-Za-z.]+)\\.+$");

    /** Never the end of a sentence, whatever follows. */
    private static final Set<String> TITLES = Set.of("dr", "mr", "mrs", "ms", "st", "prof", "vs", "e.g", "i.e", "eg", "ie",
            "cf", "fig", "jr", "sr");
    /** The end of a sentence only when the next word is capitalised ("20 mg. daily" is one sentence). */
    private static final Set<String> UNITS = Set.of("mg", "mcg", "ml", "cc", "kg", "lb", "lbs", "oz", "cm", "mm",
            "hr", "hrs", "min", "mins", "sec", "wk", "wks", "mo", "mos", "yr", "yrs", "a.m", "p.m", "pm", "no", "nos",
            "b.i.d", "t.i.d", "q.i.d", "q.d", "p.r.n", "p.o", "bid", "tid", "qid", "prn", "po", "approx", "etc", "pt");

    private NoteSentences() {}

    static List<Sentence> of(String note) {
        List<Sentence> sentences = new ArrayList<>();
        int section = 0;
        for (String raw : note.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (isHeading(line)) {
                section++;
                continue;
            }
            line = LIST_MARKER.matcher(line).replaceFirst("");
            for (String sentence : split(line)) {
                sentences.add(new Sentence(section, sentence));
            }
        }
        return sentences;
    }

    /** "HISTORY OF PRESENT ILLNESS", "Plan:", "Results:"; not "• Musculoskeletal: Tenderness." */
    static boolean isHeading(String line) {
        if (line.endsWith(":")) {
            return true;
        }
        boolean letters = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letters |= Character.isLetter(c);
        }
        return letters;
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        Matcher stop = STOP.matcher(line);
        int start = 0;
        while (stop.find()) {
            int end = stop.end();
            if (end >= line.length() || !endsSentence(line.substring(start, stop.start() + 1), line.charAt(end))) {
                continue;
            }
            add(out, line.substring(start, end));
            start = end;
        }
        add(out, line.substring(start));
        return out;
    }

    private static boolean endsSentence(String upToStop, char next) {
        if (!upToStop.endsWith(".")) {
            return true; // '?' and '!' always end one
        }
        Matcher last = LAST_WORD.matcher(upToStop);
        if (!last.find()) {
            return true; // after a number, a quote, a bracket
        }
        String word = last.group(1).toLowerCase(Locale.ROOT);
        if (TITLES.contains(word) || word.length() == 1 && Character.isUpperCase(last.group(1).charAt(0))) {
            return false; // "Dr. Smith", "J. Smith"
        }
        if (word.matches("(?:[a-z]\\.)+[a-z]")) {
            return !Character.isLowerCase(next) && !Character.isDigit(next); // "e.g.", "b.i.d." before a lower-case word
        }
        return !UNITS.contains(word) || !Character.isLowerCase(next) && !Character.isDigit(next);
    }

    private static void add(List<String> out, String sentence) {
        String s = sentence.strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}
