package org.chartscribe.note;

import java.util.List;

/**
 * Suggested billing codes for a note: ICD-10-CM diagnoses (principal first), CPT procedures and the
 * code set versions they were drawn from. Suggestions for a coder to review, never a final claim.
 */
public record BillingCodes(List<Diagnosis> icd10, List<Procedure> cpt, CodeSets codeSets) {

    public BillingCodes {
        icd10 = List.copyOf(icd10);
        cpt = List.copyOf(cpt);
    }

    /** An ICD-10-CM code with the transcript spans that support it. */
    public record Diagnosis(String code, String description, double confidence, List<Evidence> evidence,
                            String rationale) {
        public Diagnosis {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * A CPT code; {@code code} may carry modifiers after hyphens ({@code 99214-25}), the usual claim
     * notation, so the contract's four fields stay as they are.
     */
    public record Procedure(String code, String description, double confidence, String rationale) {}

    /** Human-readable names of the code sets in use, e.g. {@code "FY2026 (built-in subset, 1,689 codes)"}. */
    public record CodeSets(String icd10cm, String cpt) {}

    /** Redacted: rationales may quote the encounter. */
    @Override
    public String toString() {
        return "BillingCodes[icd10=" + icd10.size() + ", cpt=" + cpt.size() + "]";
    }
}
