package org.chartscribe.fhir;

import java.util.List;
import org.chartscribe.note.BillingCodes;

/**
 * The codes to map into Conditions and Claim/ChargeItem. {@link #NONE} when no codes were asked for:
 * the mapper then produces no Conditions and no charges rather than invent any.
 */
public record BillingSuggestions(List<Icd10Suggestion> diagnoses, List<CptSuggestion> procedures) {
    public static final BillingSuggestions NONE = new BillingSuggestions(List.of(), List.of());

    /** The coder's suggestions stored with a note; {@code null} (codes not requested) maps to none. */
    public static BillingSuggestions from(BillingCodes codes) {
        if (codes == null) {
            return NONE;
        }
        return new BillingSuggestions(
                codes.icd10().stream().map(dx -> new Icd10Suggestion(dx.code(), dx.description(), dx.evidence())).toList(),
                codes.cpt().stream().map(px -> new CptSuggestion(px.code(), px.description(), px.modifiers())).toList());
    }

    public BillingSuggestions {
        diagnoses = List.copyOf(diagnoses);
        procedures = List.copyOf(procedures);
    }
}
