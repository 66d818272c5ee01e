package org.chartscribe.fhir;

import java.util.Objects;

/** One suggested CPT procedure or E/M code with its description. */
public record CptSuggestion(String code, String description) {
    public CptSuggestion {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
    }
}
