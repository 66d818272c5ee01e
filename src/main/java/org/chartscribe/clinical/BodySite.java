package org.chartscribe.clinical;

import java.util.Map;
import java.util.regex.Pattern;

/** A body site at [start, end), with its side when one was said ("left knee", "knees on both sides"). */
public record BodySite(String site, Laterality laterality, int start, int end) {

    public enum Laterality { LEFT, RIGHT, BILATERAL }

    /** The digits, each a site of its own (the digit decides the diagnosis and its code), and what they are part of. */
    private static final Map<String, String> PART_OF = Map.of("thumb", "finger", "index finger", "finger",
            "middle finger", "finger", "ring finger", "finger", "little finger", "finger", "big toe", "toe");

    /** "both sides", "both knees", "both of my hands": what a note may write as "bilateral". */
    private static final Pattern BOTH = Pattern.compile("(?i)(?=b)\\bboth (?:of )?(?:my |your |his |her |their |the )?"
            + "(?:sides|knees|ankles|hands|feet|legs|arms|shoulders|hips|wrists|elbows|eyes|ears|breasts|lungs|kidneys)\\b");

    /** Whether the text says something of both sides in words other than "bilateral". */
    public static boolean saidOnBothSides(String text) {
        return BOTH.matcher(text).find();
    }

    /** Whether {@code site} is {@code whole} or a named part of it ("middle finger" of "finger"). */
    public static boolean within(String site, String whole) {
        return site.equals(whole) || whole.equals(PART_OF.get(site));
    }
}
