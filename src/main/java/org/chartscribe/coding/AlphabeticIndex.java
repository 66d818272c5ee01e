package org.chartscribe.coding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
            } else {
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
     * Lookup keys of a main term: "Calculus, calculi, calculous" is found under each of its spellings,
     * "Fracture, burst" under "fracture burst"; lower case, single spaces.
     */
    static List<String> keys(String term) {
        String t = normal(term);
        List<String> keys = new ArrayList<>();
        keys.add(t.replace(",", ""));
        for (String part : t.split(",")) {
            String p = part.strip();
            if (!p.isEmpty() && !keys.contains(p)) {
                keys.add(p);
            }
        }
        return keys;
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
        return mainTerms.getOrDefault(normal(words), List.of()).stream().map(rows::get).toList();
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
