package org.chartscribe.coding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ICD-10-CM Alphabetic Index as rows in their printed order: a main term (level 0) followed by
 * its subterms, each one level deeper than the term it qualifies. A row may carry a code (possibly
 * incomplete, ending in {@code -}), a "see" or a "see also" reference and nonessential modifiers.
 */
public final class AlphabeticIndex {

    /** One index row; {@code parent} is the row it qualifies, -1 for a main term. */
    public record Term(int id, int level, int parent, String term, String nonessential, String see, String seeAlso,
                       String code) {}

    public static final AlphabeticIndex EMPTY = new AlphabeticIndex(List.of());

    /**
     * A letter inserted inside one word ("Cancer(o)phobia", flattened to "Cancer" + "(o)"): not a main term of
     * its own. Only a lone vowel: "Pain(s)", "Swelling (of)" or "Difficulty (in)" are main terms with a plural
     * or a connector beside them, and must be found.
     */
    private static final java.util.regex.Pattern WORD_INSERT = java.util.regex.Pattern.compile("\\([aio]\\)");

    private final List<Term> rows;
    private final int[][] children;
    private final Map<String, List<Integer>> mainTerms = new HashMap<>();

    AlphabeticIndex(List<Term> rows) {
        this.rows = List.copyOf(rows);
        List<List<Integer>> kids = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            kids.add(null);
        }
        for (Term t : rows) {
            if (t.parent() >= 0) {
                List<Integer> k = kids.get(t.parent());
                if (k == null) {
                    k = new ArrayList<>(4);
                    kids.set(t.parent(), k);
                }
                k.add(t.id());
            } else if (!WORD_INSERT.matcher(t.nonessential()).matches()) {
                // "Cancer" + "(o)" + "phobia" flattened: a word split by a letter insert is not the main term it starts with
                for (String key : keys(t.term())) {
                    mainTerms.computeIfAbsent(key, x -> new ArrayList<>(1)).add(t.id());
                }
            }
        }
        children = new int[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            List<Integer> k = kids.get(i);
            children[i] = k == null ? new int[0] : k.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * Lookup keys of a main term: "Tamponade, heart" is found as "tamponade heart" and in speech order
     * "heart tamponade"; "Calculus, calculi, calculous" under each of its spellings (parts that share
     * the first part's stem), never under a bare modifier ("heart"). Lower case, single spaces, each
     * word without a plural "s" ({@link ClinicalTokens#normalise}) so "Stone(s)" is found as "stones".
     */
    static List<String> keys(String term) {
        String t = normal(term.replace("(s)", "").replace("(es)", ""));
        List<String> keys = new ArrayList<>();
        keys.add(key(t.replace(",", " ")));
        String[] parts = t.split(",");
        if (parts.length == 2) {
            keys.add(key(parts[1] + " " + parts[0]));
        }
        String first = parts[0].strip();
        List<String> spellings = new ArrayList<>();
        for (String part : parts) {
            String word = part.strip();
            if (first.length() >= 4 && word.length() >= 4 && word.regionMatches(0, first, 0, 4)) {
                spellings.add(key(word));
            }
        }
        if (spellings.size() == parts.length && parts.length > 1) {
            spellings.stream().filter(p -> !keys.contains(p)).forEach(keys::add);
        }
        return keys;
    }

    private static String key(String words) {
        // split on runs of spaces by hand: this runs for every word run of every statement looked up
        StringBuilder out = new StringBuilder(words.length());
        int i = 0;
        int n = words.length();
        while (i < n) {
            while (i < n && words.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && words.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                out.append(out.length() == 0 ? "" : " ").append(ClinicalTokens.normalise(words.substring(start, i)));
            }
        }
        return out.toString();
    }

    /** Lower case; possessive 's dropped; anything but letters, digits, commas and hyphens a single space. */
    static String normal(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (c == '\'' && i + 1 < s.length() && s.charAt(i + 1) == 's'
                    && (i + 2 == s.length() || !Character.isLetter(s.charAt(i + 2)))) {
                i++;
                continue;
            }
            boolean keep = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ',' || c == '-';
            if (keep) {
                out.append(c);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        return out.toString().strip();
    }

    public int size() {
        return rows.size();
    }

    public Term row(int id) {
        return rows.get(id);
    }

    /** Main terms spelt {@code words} (normalised as {@link #normal}), usually one. */
    public List<Term> mainTerm(String words) {
        return mainTerms.getOrDefault(key(normal(words).replace(",", " ")), List.of()).stream().map(rows::get).toList();
    }

    public List<Term> children(Term t) {
        List<Term> out = new ArrayList<>(children[t.id()].length);
        for (int c : children[t.id()]) {
            out.add(rows.get(c));
        }
        return Collections.unmodifiableList(out);
    }

    /** "Sprain -> wrist -> right": the path a coder follows, as a rationale shows it. */
    public String path(Term t) {
        List<String> parts = new ArrayList<>();
        for (Term at = t; at != null; at = at.parent() < 0 ? null : rows.get(at.parent())) {
            parts.add(0, at.term());
        }
        return String.join(" -> ", parts);
    }
}
