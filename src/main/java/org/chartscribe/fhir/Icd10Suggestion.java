package org.chartscribe.fhir;

import java.util.List;
import java.util.Objects;
import org.chartscribe.note.Evidence;

/**
 * One suggested ICD-10-CM diagnosis, as the coding capability will hand it over: the code, its
 * display text, and where in the transcript it was found (offsets, possibly none).
 */
public record Icd10Suggestion(String code, String display, List<Evidence> evidence) {
    public Icd10Suggestion {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(display, "display");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
