package org.chartscribe.note;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Suggested billing codes for a note: ICD-10-CM diagnoses (principal first), CPT procedures and the
 * code set versions they were drawn from. Suggestions for a coder to review, never a final claim.
 * {@code proposedBy} names the engines that proposed a code ({@code embedded}, {@code llm}); it is
 * null on notes stored before engines were told apart.
 */
public record BillingCodes(List<Diagnosis> icd10, List<Procedure> cpt, CodeSets codeSets) {

    public static final String EMBEDDED = "embedded";
    public static final String LLM = "llm";

    public BillingCodes {
        icd10 = List.copyOf(icd10);
        cpt = List.copyOf(cpt);
    }

    /** An ICD-10-CM code with the transcript spans that support it. */
    public record Diagnosis(String code, String description, double confidence, List<Evidence> evidence,
                            String rationale, List<String> proposedBy) {
        public Diagnosis {
            evidence = List.copyOf(evidence);
            proposedBy = proposedBy == null ? null : List.copyOf(proposedBy);
        }

        public Diagnosis(String code, String description, double confidence, List<Evidence> evidence, String rationale) {
            this(code, description, confidence, evidence, rationale, null);
        }

        Diagnosis proposedBy(List<String> engines) {
            return new Diagnosis(code, description, confidence, evidence, rationale, engines);
        }
    }

    /**
     * A CPT or HCPCS code: {@code code} is always the bare 5-character code; modifiers ({@code 25},
     * {@code 95}) are listed beside it in {@code modifiers}, their reason in the rationale. Notes stored
     * before modifiers had their own field wrote them after hyphens ({@code 99214-25}); those are split
     * here so a stored note reads back in the current shape.
     */
    public record Procedure(String code, String description, double confidence, String rationale,
                            List<String> modifiers, List<String> proposedBy) {
        public Procedure {
            List<String> given = modifiers == null ? List.of() : modifiers;
            if (code != null && code.indexOf('-') > 0 && given.isEmpty()) {
                String[] parts = code.split("-");
                code = parts[0];
                given = List.of(parts).subList(1, parts.length);
            }
            modifiers = List.copyOf(given);
            proposedBy = proposedBy == null ? null : List.copyOf(proposedBy);
        }

        public Procedure(String code, String description, double confidence, String rationale, List<String> modifiers) {
            this(code, description, confidence, rationale, modifiers, null);
        }

        public Procedure(String code, String description, double confidence, String rationale) {
            this(code, description, confidence, rationale, List.of(), null);
        }
    }

    /** Human-readable names of the code sets in use, e.g. {@code "FY2026 (built-in subset, 1,689 codes)"}. */
    public record CodeSets(String icd10cm, String cpt) {}

    /**
     * The embedded coder's suggestions stay the baseline (their order and confidence); a code the LLM
     * proposed too says so, and the LLM's other codes follow. Either argument may be null.
     */
    public static BillingCodes merge(BillingCodes embedded, BillingCodes llm) {
        if (embedded == null) {
            return llm;
        }
        Map<String, Diagnosis> icd10 = new LinkedHashMap<>();
        for (Diagnosis d : embedded.icd10()) {
            icd10.put(d.code(), d.proposedBy(List.of(EMBEDDED)));
        }
        if (llm != null) {
            for (Diagnosis d : llm.icd10()) {
                icd10.merge(d.code(), d.proposedBy(List.of(LLM)),
                        (baseline, ignored) -> baseline.proposedBy(List.of(EMBEDDED, LLM)));
            }
        }
        List<Procedure> cpt = new ArrayList<>();
        for (Procedure p : embedded.cpt()) {
            cpt.add(new Procedure(p.code(), p.description(), p.confidence(), p.rationale(), p.modifiers(), List.of(EMBEDDED)));
        }
        return new BillingCodes(new ArrayList<>(icd10.values()), cpt, embedded.codeSets());
    }

    /** Redacted: rationales may quote the encounter. */
    @Override
    public String toString() {
        return "BillingCodes[icd10=" + icd10.size() + ", cpt=" + cpt.size() + "]";
    }
}
