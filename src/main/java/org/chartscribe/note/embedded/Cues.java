package org.chartscribe.note.embedded;

import java.util.List;
import java.util.Locale;

/**
 * A list of cue phrases matched at word starts against a sentence's lookup form. A cue such as
 * {@code "allerg"} matches "allergies"; a trailing space ({@code "lab "}) demands a whole word.
 * Plain substring search keeps classification fast and the lexicons easy to edit.
 */
final class Cues {

    private final List<String> phrases;
    /** For {@link #grouped}: the group of each phrase (at most 64 groups); null otherwise. */
    private final int[] groupOf;
    /** Phrases (each starting with a space) by their first two characters after the space, see {@link #key}. */
    private final int[][] byPrefix = new int[KEYS * KEYS][];
    /**
     * The same phrases, further split by their third character after the space ({@code [key][index(c)]});
     * phrases of exactly two characters are in {@link #twoCharacter}. Fewer candidates per word start.
     */
    private final int[][][] byThird = new int[KEYS * KEYS][][];
    private final int[][] twoCharacter = new int[KEYS * KEYS][];
    /** Characters of the lookup form get a small index, so a two-character prefix is an array slot. */
    private static final int KEYS = 64;
    /** Phrases too short to have a two-character prefix. */
    private final int[] shortOnes;

    private Cues(List<String> phrases) {
        this(phrases, null);
    }

    private Cues(List<String> phrases, int[] groupOf) {
        this.groupOf = groupOf;
        this.phrases = phrases.stream().map(p -> " " + p.toLowerCase(Locale.ROOT)).toList();
        java.util.Map<String, java.util.List<Integer>> index = new java.util.HashMap<>();
        java.util.List<Integer> shorts = new java.util.ArrayList<>();
        for (int i = 0; i < this.phrases.size(); i++) {
            String p = this.phrases.get(i);
            if (p.length() < 3) {
                shorts.add(i);
            } else {
                index.computeIfAbsent(p.substring(1, 3), k -> new java.util.ArrayList<>()).add(i);
            }
        }
        index.forEach((k, v) -> byPrefix[key(k.charAt(0), k.charAt(1))] = v.stream().mapToInt(Integer::intValue).toArray());
        for (int slot = 0; slot < byPrefix.length; slot++) {
            if (byPrefix[slot] == null) {
                continue;
            }
            java.util.List<java.util.List<Integer>> third = new java.util.ArrayList<>();
            for (int c = 0; c < KEYS; c++) {
                third.add(new java.util.ArrayList<>());
            }
            java.util.List<Integer> two = new java.util.ArrayList<>();
            for (int idx : byPrefix[slot]) {
                String p = this.phrases.get(idx);
                if (p.length() == 3) {
                    two.add(idx);
                } else {
                    third.get(index(p.charAt(3))).add(idx);
                }
            }
            byThird[slot] = new int[KEYS][];
            for (int c = 0; c < KEYS; c++) {
                if (!third.get(c).isEmpty()) {
                    byThird[slot][c] = third.get(c).stream().mapToInt(Integer::intValue).toArray();
                }
            }
            if (!two.isEmpty()) {
                twoCharacter[slot] = two.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        shortOnes = shorts.stream().mapToInt(Integer::intValue).toArray();
    }

    static Cues of(String... phrases) {
        return new Cues(List.of(phrases));
    }

    /**
     * Several lists in one index, for a caller that asks of each list whether it occurs in the same sentence:
     * {@link #groupsIn} answers for all of them in one scan instead of one scan per list.
     */
    static Cues grouped(List<List<String>> groups) {
        if (groups.size() > Long.SIZE) {
            throw new IllegalArgumentException("at most 64 groups");
        }
        List<String> all = new java.util.ArrayList<>();
        int[] groupOf = new int[groups.stream().mapToInt(List::size).sum()];
        for (int g = 0; g < groups.size(); g++) {
            for (String phrase : groups.get(g)) {
                groupOf[all.size()] = g;
                all.add(phrase);
            }
        }
        return new Cues(all, groupOf);
    }

    /** The form cues are matched against: lower case, punctuation as spaces, padded with spaces. */
    static String lookup(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append(' ');
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '%' || c == '\'' || c == '-';
            if (word) {
                sb.append(c);
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        if (!space) {
            sb.append(' ');
        }
        return sb.length() == 1 ? "  " : sb.toString();
    }

    /** The slot of a two-character prefix: letters and digits each have their own index, the rest share one. */
    private static int key(char a, char b) {
        return index(a) * KEYS + index(b);
    }

    private static int index(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 1;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 27;
        }
        return switch (c) {
            case ' ' -> 37;
            case '/' -> 38;
            case '%' -> 39;
            case '\'' -> 40;
            case '-' -> 41;
            case '#' -> 42;
            case '.' -> 43;
            case '&' -> 44;
            default -> 63;
        };
    }

    /** The phrases, lower-cased. */
    List<String> phrases() {
        return phrases.stream().map(p -> p.substring(1)).toList();
    }

    boolean isEmpty() {
        return phrases.isEmpty();
    }

    boolean any(String lookup) {
        return scan(lookup, true) > 0;
    }

    int count(String lookup) {
        return scan(lookup, false);
    }

    /**
     * For cues made by {@link #grouped}: bit {@code g} is set when a phrase of group {@code g} occurs, as
     * {@link #any} on that group's own cues would say. A group already found is not looked for again.
     */
    long groupsIn(String lookup) {
        long found = 0;
        int length = lookup.length();
        for (int i = lookup.indexOf(' '); i >= 0 && i < length - 1; i = lookup.indexOf(' ', i + 1)) {
            int[] two = null;
            int[] longer = null;
            if (i + 3 <= length) {
                int slot = key(lookup.charAt(i + 1), lookup.charAt(i + 2));
                int[][] third = byThird[slot];
                if (third != null) {
                    two = twoCharacter[slot];
                    longer = i + 4 <= length ? third[index(lookup.charAt(i + 3))] : null;
                }
            }
            for (int pass = 0; pass < 3; pass++) {
                int[] list = pass == 0 ? two : pass == 1 ? longer : shortOnes;
                if (list == null) {
                    continue;
                }
                for (int idx : list) {
                    long bit = 1L << groupOf[idx];
                    if ((found & bit) == 0 && lookup.startsWith(phrases.get(idx), i)) {
                        found |= bit;
                    }
                }
            }
        }
        return found;
    }

    /** Matches phrases only at word starts of the lookup form, through the prefix index. */
    private int scan(String lookup, boolean stopAtFirst) {
        java.util.BitSet seen = null;
        int n = 0;
        int length = lookup.length();
        boolean noShortOnes = shortOnes.length == 0;
        // word starts only: from one space to the next
        for (int i = lookup.indexOf(' '); i >= 0 && i < length - 1; i = lookup.indexOf(' ', i + 1)) {
            int[] two = null;
            int[] longer = null;
            if (i + 3 <= length) {
                int slot = key(lookup.charAt(i + 1), lookup.charAt(i + 2));
                int[][] third = byThird[slot];
                if (third != null) {
                    two = twoCharacter[slot];
                    longer = i + 4 <= length ? third[index(lookup.charAt(i + 3))] : null;
                }
            }
            if (two == null && longer == null && noShortOnes) {
                continue;
            }
            for (int pass = 0; pass < 3; pass++) {
                int[] list = pass == 0 ? two : pass == 1 ? longer : shortOnes;
                if (list == null) {
                    continue;
                }
                for (int idx : list) {
                    if (lookup.startsWith(phrases.get(idx), i)) {
                        if (stopAtFirst) {
                            return 1;
                        }
                        if (seen == null) {
                            seen = new java.util.BitSet(phrases.size());
                        }
                        if (!seen.get(idx)) {
                            seen.set(idx);
                            n++;
                        }
                    }
                }
            }
        }
        return n;
    }
}
