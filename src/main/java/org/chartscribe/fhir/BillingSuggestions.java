package org.chartscribe.fhir;

import java.util.List;

/**
 * The codes to map into Conditions and Claim/ChargeItem. {@link #NONE} until the coding capability
 * is wired in: the mapper then produces no Conditions and no charges rather than invent any.
 */
public record BillingSuggestions(List<Icd10Suggestion> diagnoses, List<CptSuggestion> procedures) {
    public static final BillingSuggestions NONE = new BillingSuggestions(List.of(), List.of());

    public BillingSuggestions {
        diagnoses = List.copyOf(diagnoses);
        procedures = List.copyOf(procedures);
    }
}
