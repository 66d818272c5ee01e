package org.chartscribe.coding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chartscribe.coding.AssessmentStatements.Place;
import org.chartscribe.coding.AssessmentStatements.Statement;
import org.chartscribe.coding.SynonymTable.Kind;

/**
 * Sequences the codes of an outpatient visit as guideline IV.G asks: first the condition chiefly
 * responsible for the visit, which is the reason the clinician gives at the start ("here today with
 * a headache", "ER follow-up for some chest pain"), not the problem the assessment happens to take
 * first; the other conditions follow in the order they were ranked (problems assessed before those
 * only mentioned, history last).
 */
final class VisitSequence {

    private static final BodySystems SYSTEMS = BodySystems.builtin();
    private static final SynonymTable SYNONYMS = SynonymTable.builtin();

    private VisitSequence() {}

    /**
     * @param ranked    the found codes in their ranked order
     * @param reasons   the clinician's reason-for-visit statements ({@link Place#REASON}, transcript offsets)
     * @param index     the transcript's words; null without a transcript
     * @return the same codes, those the reason for the visit names first, in the order it names them
     */
    static List<FoundCode> sequence(List<FoundCode> ranked, List<Statement> reasons, TranscriptEvidence.Index index) {
        if (index == null || reasons.isEmpty()) {
            return ranked;
        }
        Map<FoundCode, Integer> named = new HashMap<>();
        for (FoundCode f : ranked) {
            int at = -1;
            for (Statement r : reasons) {
                int found = index.firstMentionWithin(f.code(), f.phrase(), r.offset(), r.offset() + r.text().length());
                if (found >= 0 && (at < 0 || found < at)) {
                    at = found;
                }
            }
            if (at >= 0) {
                named.put(f, at);
            }
        }
        // a symptom said as the reason that the coder did not keep ("here for shortness of breath", explained
        // by the COPD assessed): its explanation is what the visit is for
        for (Statement r : reasons) {
            List<ClinicalTokens.Token> tokens = ClinicalTokens.of(r.text());
            for (SynonymTable.Match m : SYNONYMS.find(tokens)) {
                if (m.entry().kind() != Kind.SYMPTOM) {
                    continue;
                }
                int at = r.offset() + tokens.get(m.from()).start();
                for (String template : m.entry().templates()) {
                    ranked.stream().filter(d -> d.kind() == Kind.DX && SYSTEMS.explains(template, d.code())).findFirst()
                            .ifPresent(d -> named.merge(d, at, Math::min));
                }
            }
        }
        if (named.isEmpty()) {
            return ranked;
        }
        // a symptom given as the reason that a diagnosis of the same body system explains is not what the visit
        // is chiefly for: the diagnosis is (guideline IV.D: codes for symptoms when no diagnosis is established)
        for (FoundCode symptom : List.copyOf(named.keySet())) {
            if (symptom.kind() != Kind.SYMPTOM) {
                continue;
            }
            java.util.Optional<FoundCode> explanation = ranked.stream()
                    .filter(d -> d.kind() == Kind.DX && SYSTEMS.explains(symptom.code(), d.code())).findFirst();
            if (explanation.isPresent()) {
                int at = named.remove(symptom);
                named.merge(explanation.get(), at, Math::min);
            }
        }
        if (named.isEmpty()) {
            return ranked;
        }
        List<FoundCode> first = new ArrayList<>(named.keySet());
        // a diagnosis the reason names goes before a symptom or status it also names; then the order said
        first.sort(Comparator.comparingInt((FoundCode f) -> f.kind() == Kind.DX || f.kind() == Kind.ENCOUNTER ? 0 : 1)
                .thenComparingInt(named::get));
        List<String> notes = new ArrayList<>(first.get(0).notes());
        notes.add("first-listed: the reason for the visit the clinician gave (guideline IV.G)");
        first.set(0, first.get(0).withCode(first.get(0).code(), notes));
        List<FoundCode> out = new ArrayList<>(first);
        for (FoundCode f : ranked) {
            if (!named.containsKey(f)) {
                out.add(f);
            }
        }
        return out;
    }
}
