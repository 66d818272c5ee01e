package org.chartscribe.clinical;

import java.util.List;

/**
 * An allergy statement at [start, end). {@code substance} is the generic name for a known drug,
 * else the words said ("shellfish"); null when {@code noKnownAllergies} ("no known drug
 * allergies"). {@code reactions} are canonical ("hives", "anaphylaxis"), possibly empty.
 */
public record Allergy(String substance, List<String> reactions, boolean noKnownAllergies, int start, int end) {
    public Allergy {
        reactions = List.copyOf(reactions);
    }
}
