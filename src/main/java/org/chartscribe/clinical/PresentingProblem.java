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

    /** Symptoms a site is said with ("knee pain"); the others name their own place ("shortness of breath"). */
    private static final java.util.Set<String> SITED = java.util.Set.of("pain", "swelling", "stiffness", "numbness",
            "tingling", "weakness", "rash", "itching", "bruising", "spasm", "muscle cramps");
    /** Sites that take an adjective before a symptom, and a side as "-sided". */
    private static final java.util.Map<String, String> ADJECTIVE = java.util.Map.of("abdomen", "abdominal", "belly",
            "abdominal", "stomach", "abdominal");
    private static final java.util.Set<String> MIDLINE = java.util.Set.of("back", "lower back", "upper back", "chest",
            "abdomen", "neck", "head", "flank", "belly", "stomach");

    /** "right knee pain", "headache", "left ankle swelling", "left-sided back pain". */
    public String complaint() {
        if (site == null || symptom.contains(site.site()) || !SITED.contains(symptom)) {
            return symptom;
        }
        String where = ADJECTIVE.getOrDefault(site.site(), site.site());
        if (site.laterality() == null) {
            return where + " " + symptom;
        }
        if (site.laterality() == BodySite.Laterality.BILATERAL) {
            return where + " " + symptom; // "both" is said many ways; a side word not said would be an invented fact
        }
        String side = site.laterality() == BodySite.Laterality.LEFT ? "left" : "right";
        return (MIDLINE.contains(site.site()) ? side + "-sided " : side + " ") + where + " " + symptom;
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
