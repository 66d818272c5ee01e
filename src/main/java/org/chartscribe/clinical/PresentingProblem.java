package org.chartscribe.clinical;

import java.util.List;

/**
 * The problem the patient came with, as a history charts it: the symptom ({@code symptom}, e.g.
 * "pain"), where ({@code site}, with its side, or null), what the patient said about it
 * ({@code facts}) and the span naming it. {@code age} and {@code sex} open the history when said
 * ("58-year-old", "male"); each may be null.
 */
public record PresentingProblem(String symptom, BodySite site, int start, int end, List<HistoryFact> facts,
                                String age, String sex) {

    public PresentingProblem {
        facts = List.copyOf(facts);
    }

    /** "right knee pain", "headache", "left ankle swelling". */
    public String complaint() {
        if (site == null || symptom.contains(site.site())) {
            return symptom;
        }
        String side = site.laterality() == null ? "" : switch (site.laterality()) {
            case LEFT -> "left ";
            case RIGHT -> "right ";
            case BILATERAL -> "bilateral ";
        };
        return side + site.site() + " " + symptom;
    }

    public List<HistoryFact> facts(HistoryFact.Kind kind) {
        return facts.stream().filter(f -> f.kind() == kind).toList();
    }

    /** Redacted: counts only. */
    @Override
    public String toString() {
        return "PresentingProblem[facts=" + facts.size() + "]";
    }
}
