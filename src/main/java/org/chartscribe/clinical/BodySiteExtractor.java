package org.chartscribe.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.clinical.BodySite.Laterality;

/**
 * Body sites and their laterality. The side may come before ("left knee", "bilateral knees", "both
 * ankles", "right-sided chest") or after ("pain in the knee on the left"). "Back" counts only as a
 * body part ("my back", "back pain"), not in "come back" or "back to work"; "hand" not in "the right hand
 * side".
 */
final class BodySiteExtractor {

    private static final PhraseMatcher<String> SITES = new PhraseMatcher<>();
    private static final Pattern SIDE_BEFORE = Pattern.compile(
            "\\b(left|right|bilateral|both)(?:[- ]sided)?\\s+(?:(?:upper|lower|inner|outer|medial|lateral|front|back|big|"
                    + "index|middle|ring|little)\\s+){0,2}$");
    private static final Pattern SIDE_AFTER = Pattern.compile("^\\s*(?:on|of)\\s+(?:the|your|my|his|her)?\\s*"
            + "(left|right|both sides)\\b|^\\s*,?\\s*(bilaterally)\\b");
    /** "on the right hand side" is a side, not the hand. */
    private static final Pattern HAND_SIDE = Pattern.compile("[- ]?sided?\\b");
    private static final Set<String> BACK_BEFORE = Set.of("my", "your", "his", "her", "their", "the", "lower", "upper",
            "low", "mid", "left", "right", "middle", "whole", "entire");
    private static final Set<String> BACK_AFTER = Set.of("pain", "pains", "ache", "aches", "spasm", "spasms", "hurts",
            "injury", "surgery", "problems", "stiffness");

    static {
        for (String[] row : TsvResource.rows("/clinical/body-sites.tsv")) {
            SITES.add(row[0], row[0]);
            for (String synonym : TsvResource.list(row, 1)) {
                SITES.add(synonym, row[0]);
            }
        }
    }

    private BodySiteExtractor() {}

    /** Body sites in normalized (lowercase) text; offsets are into that text. */
    static List<BodySite> extract(String lower) {
        List<BodySite> sites = new ArrayList<>();
        for (PhraseMatcher.Match<String> m : SITES.find(lower)) {
            if (m.value().equals("back") && !backIsABodyPart(lower, m.start(), m.end())
                    || m.value().equals("hand") && HAND_SIDE.matcher(lower).region(m.end(), lower.length()).lookingAt()) {
                continue;
            }
            int start = m.start();
            Laterality side = null;
            String before = lower.substring(Math.max(0, start - 40), start);
            Matcher b = SIDE_BEFORE.matcher(before);
            if (b.find()) {
                side = laterality(b.group(1));
                start = start - before.length() + b.start();
            }
            int end = m.end();
            Matcher a = SIDE_AFTER.matcher(lower.substring(end, Math.min(lower.length(), end + 25)));
            if (side == null && a.find()) {
                side = laterality(a.group(1) != null ? a.group(1) : a.group(2));
                end += a.end();
            }
            sites.add(new BodySite(m.value(), side, start, end));
        }
        return List.copyOf(sites);
    }

    static Laterality laterality(String word) {
        return switch (word) {
            case "left" -> Laterality.LEFT;
            case "right" -> Laterality.RIGHT;
            default -> Laterality.BILATERAL; // bilateral, bilaterally, both, both sides
        };
    }

    private static boolean backIsABodyPart(String lower, int start, int end) {
        List<Words.Word> before = Words.of(lower.substring(Math.max(0, start - 20), start));
        List<Words.Word> after = Words.of(lower.substring(end, Math.min(lower.length(), end + 20)));
        boolean possessive = !before.isEmpty() && BACK_BEFORE.contains(before.get(before.size() - 1).text());
        boolean painAfter = !after.isEmpty() && BACK_AFTER.contains(after.get(0).text());
        return possessive || painAfter;
    }
}
