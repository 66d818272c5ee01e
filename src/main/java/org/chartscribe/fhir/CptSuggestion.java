package org.chartscribe.fhir;

import java.util.List;
import java.util.Objects;

/** One suggested CPT procedure or E/M code with its description and modifiers (e.g. {@code 25}). */
public record CptSuggestion(String code, String description, List<String> modifiers) {
    public CptSuggestion {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
    }

    public CptSuggestion(String code, String description) {
        this(code, description, List.of());
    }
}
