package org.chartscribe.clinical;

import java.util.Map;

/** A body site at [start, end), with its side when one was said ("left knee", "knees on both sides"). */
public record BodySite(String site, Laterality laterality, int start, int end) {

    public enum Laterality { LEFT, RIGHT, BILATERAL }

    /** The digits, each a site of its own (the digit decides the diagnosis and its code), and what they are part of. */
    private static final Map<String, String> PART_OF = Map.of("thumb", "finger", "index finger", "finger",
            "middle finger", "finger", "ring finger", "finger", "little finger", "finger", "big toe", "toe");

    /** Whether {@code site} is {@code whole} or a named part of it ("middle finger" of "finger"). */
    public static boolean within(String site, String whole) {
        return site.equals(whole) || whole.equals(PART_OF.get(site));
    }
}
