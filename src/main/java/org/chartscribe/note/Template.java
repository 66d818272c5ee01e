package org.chartscribe.note;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Note templates. {@code birp} and {@code dap} are only offered to behavioural specialties,
 * where the four output strings carry Behavior/Intervention/Response/Plan and Data/Assessment/Plan.
 */
public enum Template {
    STANDARD, BRIEF, DETAILED, PROBLEM_ORIENTED, BIRP, DAP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean behaviouralOnly() {
        return this == BIRP || this == DAP;
    }

    public static Optional<Template> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
    }

    /** The templates a specialty may use, in display order. */
    public static List<Template> allowedFor(Specialty specialty) {
        return Arrays.stream(values())
                .filter(t -> !t.behaviouralOnly() || specialty.behavioural())
                .toList();
    }
}
