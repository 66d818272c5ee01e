package org.chartscribe.note.embedded;

import java.util.List;
import java.util.regex.Pattern;
import org.chartscribe.clinical.Medication;
import org.chartscribe.clinical.PlanItem;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.SoapPart;
import org.chartscribe.transcript.Role;

/**
 * The plan sentences no extracted fact covers (a procedure, a device, a home exercise) reach the
 * note only as a short clause in chart voice that passes a strict check: it starts with an action,
 * holds no speech (second person, fillers, hedges, the clinician's "I"), is not cut on a
 * preposition, and says nothing a fact already said. When in doubt it is left out.
 */
final class PlanClauses {

    private PlanClauses() {}

    private static final Pattern ACTION_START = Pattern.compile("(?i)^(?:(?:we|she|he|they|the patient) will )?"
            + "(?:get|order|obtain|check|start|continue|increase|decrease|stop|hold|switch|add|refer|schedule|arrange|"
            + "repeat|recheck|prescribe|give|recommend|follow|avoid|use|apply|return|monitor|place|perform|do|proceed|"
            + "wear|keep|ice|elevate|rest|draw|send|discuss|provide|administer|inject|begin|resume|remove|drain|"
            + "splint|immobili[sz]e|aspirate|biopsy|excise|clean|dress|brace|limit|restrict|work on)\\b");
    private static final Pattern SPEECH = Pattern.compile("(?i)\\b(?:you|your|yours|okay|ok|yeah|um|uh|uhm|like|just|"
            + "gonna|wanna|gon|wan|i|i'm|i'll|i've|i'd|me|my|hey|dragon|because|'cause|cause|if|kind of|sort of|maybe|"
            + "probably|anything|something|thing|things|stuff|alright|all right|so|well|right|actually|basically|"
            + "really|pretty|little|let's|let|see how|lot|could|might|would|should|think|talk|know|sure|guess|eh|ah|hmm|mm|"
            + "slash|those|these|it|them|us|we'll|exactly|template|some time|go ahead|kinda|gotta)\\b|[?,;]");

    /** "continue she on": a pronoun the rewrite left in subject form after a verb. */
    private static final Pattern OBJECT_PRONOUN = Pattern.compile("(?i)\\b(?:continue|start|put|keep|see|get|refer|give|"
            + "send|have|let|help|call|tell|ask|bring|take|check|schedule|follow) (?:she|he|they|we)\\b");
    private static final Pattern CUT_END = Pattern.compile("(?i)\\b(?:a|an|the|of|to|for|with|in|on|at|and|or|but|that|"
            + "this|some|her|his|their|is|are|be|by|from|as|into|than|then|also)\\.?$");
    private static final Pattern STUTTER = Pattern.compile("(?i)\\b(\\w+) \\1\\b|\\w- ");
    private static final int MIN_WORDS = 3;
    private static final int MAX_WORDS = 14;

    /** The clinician's plan sentences from {@code regionStart} that pass the check and overlap no fact. */
    static List<Classified> uncovered(List<Classified> items, EncounterFacts facts, int regionStart) {
        return items.stream()
                .filter(i -> i.part() == SoapPart.PLAN && i.speaker() != Role.PATIENT && i.speaker() != Role.OTHER)
                .filter(i -> !i.evidence().isEmpty() && i.evidence().get(0).start() >= regionStart)
                .filter(i -> readable(i.text()))
                .filter(i -> !overlapsFact(i.evidence(), facts))
                .toList();
    }

    static boolean readable(String text) {
        String t = text.trim();
        int words = t.isEmpty() ? 0 : t.split("\\s+").length;
        return words >= MIN_WORDS && words <= MAX_WORDS && t.endsWith(".") && ACTION_START.matcher(t).find()
                && !SPEECH.matcher(t).find() && !OBJECT_PRONOUN.matcher(t).find() && !latePronoun(t) && !CUT_END.matcher(t).find() && !STUTTER.matcher(t).find()
                && ClinicalLexicon.isClinical(Cues.lookup(t));
    }

    /** A subject pronoun anywhere but at the start reads as a rewrite error ("keep getting she better"). */
    private static boolean latePronoun(String t) {
        String rest = t.replaceFirst("(?i)^(?:we|she|he|they|the patient) will ", "");
        return rest.matches("(?is).*\\b(?:she|he|they|we)\\b.*");
    }

    private static boolean overlapsFact(List<Evidence> evidence, EncounterFacts facts) {
        for (Evidence e : evidence) {
            for (PlanItem p : facts.extraction().planItems()) {
                // advice no topic fits is not written from its fact, so its sentence may still pass the check
                if (p.type() != PlanItem.Type.EDUCATION && p.start() < e.end() && e.start() < p.end()) {
                    return true;
                }
            }
            for (Medication m : facts.extraction().medications()) {
                if (m.start() < e.end() && e.start() < m.end()) {
                    return true;
                }
            }
        }
        return false;
    }
}
