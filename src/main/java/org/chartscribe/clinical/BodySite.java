package org.chartscribe.clinical;

/** A body site at [start, end), with its side when one was said ("left knee", "knees on both sides"). */
public record BodySite(String site, Laterality laterality, int start, int end) {

    public enum Laterality { LEFT, RIGHT, BILATERAL }
}
