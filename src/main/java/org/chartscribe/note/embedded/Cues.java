package org.chartscribe.note.embedded;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A list of cue phrases matched at word starts against a sentence's lookup form. A cue such as
 * {@code "allerg"} matches "allergies"; a trailing space ({@code "lab "}) demands a whole word.
 * Plain substring search keeps classification fast and the lexicons easy to edit.
 */
final class Cues {

    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9/%'\\-]+");

    private final List<String> phrases;

    private Cues(List<String> phrases) {
        this.phrases = phrases.stream().map(p -> " " + p.toLowerCase(Locale.ROOT)).toList();
    }

    static Cues of(String... phrases) {
        return new Cues(List.of(phrases));
    }

    /** The form cues are matched against: lower case, punctuation as spaces, padded with spaces. */
    static String lookup(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return " " + NON_WORD.matcher(lower).replaceAll(" ").replaceAll(" {2,}", " ").trim() + " ";
    }

    boolean isEmpty() {
        return phrases.isEmpty();
    }

    boolean any(String lookup) {
        for (String p : phrases) {
            if (lookup.contains(p)) {
                return true;
            }
        }
        return false;
    }

    int count(String lookup) {
        int n = 0;
        for (String p : phrases) {
            if (lookup.contains(p)) {
                n++;
            }
        }
        return n;
    }
}
