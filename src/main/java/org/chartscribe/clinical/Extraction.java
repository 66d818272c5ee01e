package org.chartscribe.clinical;

import java.util.List;

/**
 * Everything the clinical extractors found in one text. Each list is in text order and every
 * record carries exact [start, end) offsets into the text that was given to
 * {@link ClinicalExtractor#extract(String)} (for a transcript: its source).
 */
public record Extraction(List<Vital> vitals, List<Medication> medications, List<Allergy> allergies,
                         List<Finding> findings, List<BodySite> bodySites, List<TimeExpression> times,
                         List<TestResult> results, List<Diagnosis> diagnoses, List<PlanItem> planItems) {

    public Extraction {
        vitals = List.copyOf(vitals);
        medications = List.copyOf(medications);
        allergies = List.copyOf(allergies);
        findings = List.copyOf(findings);
        bodySites = List.copyOf(bodySites);
        times = List.copyOf(times);
        results = List.copyOf(results);
        diagnoses = List.copyOf(diagnoses);
        planItems = List.copyOf(planItems);
    }

    /** Counts only: the records' values come from the encounter. */
    @Override
    public String toString() {
        return "Extraction[vitals=" + vitals.size() + ", medications=" + medications.size() + ", allergies="
                + allergies.size() + ", findings=" + findings.size() + ", bodySites=" + bodySites.size() + ", times="
                + times.size() + ", results=" + results.size() + ", diagnoses=" + diagnoses.size() + ", planItems="
                + planItems.size() + "]";
    }
}
