package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.chartscribe.clinical.HistoryFact;
import org.chartscribe.clinical.HistoryFact.Kind;
import org.chartscribe.clinical.PresentingProblem;
import org.chartscribe.clinical.PresentingProblems;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialty;
import org.chartscribe.transcript.Role;

/**
 * The history of present illness written from the presenting problem's facts, in a clinician's
 * short sentences: "The patient is a 58-year-old male who presents with right knee pain for 2 days
 * after a fall. The pain is rated 7 out of 10. Worse with walking and climbing stairs. Tried ibuprofen
 * without relief." Each sentence points at what was said. Spoken sentences whose facts were charted
 * this way are left out of the history ({@link #withoutCharted}).
 */
final class ComposedHistory {

    /** The heading these sentences go under; specialties without it keep their spoken history. */
    static final String HEADING = "History of Present Illness";
    private static final String HINT = "present";
    /** Before everything spoken, and kept first in a brief note. */
    private static final int FIRST_ORDER = -1000;
    private static final double INFORMATIVE = 100;

    private ComposedHistory() {}

    /** The composed history, or empty when the specialty has no such heading or no problem was clear. */
    static List<Classified> of(EncounterFacts facts, Specialty specialty, boolean spokenReason) {
        if (facts == null || !specialty.headings(SoapPart.SUBJECTIVE).contains(HEADING)) {
            return List.of();
        }
        Optional<PresentingProblem> problem = PresentingProblems.of(facts.transcript(), facts.extraction());
        return problem.map(p -> sentences(p, spokenReason)).orElse(List.of());
    }

    static List<Classified> sentences(PresentingProblem p, boolean spokenReason) {
        List<Classified> out = new ArrayList<>();
        Evidence complaint = new Evidence(p.start(), p.end());
        StringBuilder opener = new StringBuilder(opener(p, spokenReason)).append(' ').append(p.complaint());
        List<Evidence> openerEvidence = new ArrayList<>(List.of(complaint));
        first(p, Kind.DURATION).ifPresent(f -> append(opener, " " + f.text(), openerEvidence, f));
        if (p.facts(Kind.DURATION).isEmpty()) {
            first(p, Kind.ONSET).ifPresent(f -> append(opener, " that began " + f.text(), openerEvidence, f));
        }
        first(p, Kind.MECHANISM).ifPresent(f -> append(opener, " " + f.text(), openerEvidence, f));
        if (!spokenReason) {
            // nobody said why the patient came: the complaint itself is the chief complaint ("Right knee pain.")
            out.add(new Classified(SoapPart.SUBJECTIVE, ClinicalGrammar.capitalise(p.complaint()) + ".", List.of(complaint),
                    Role.PATIENT, FIRST_ORDER - 1, Cues.lookup(p.complaint()), "complaint", INFORMATIVE));
        }
        out.add(item(opener + ".", openerEvidence, out.size()));
        String subject = "The " + p.symptom();
        first(p, Kind.SEVERITY).ifPresent(f -> out.add(item(subject + " is rated " + f.text() + ".",
                List.of(complaint, evidence(f)), out.size())));
        first(p, Kind.COURSE).ifPresent(f -> out.add(item(subject + " is " + f.text() + ".",
                List.of(complaint, evidence(f)), out.size())));
        list(p, Kind.WORSE_WITH, "Worse with ", out);
        list(p, Kind.BETTER_WITH, "Better with ", out);
        list(p, Kind.TRIED_WITHOUT_RELIEF, "Tried ", out);
        if (!p.facts(Kind.TRIED_WITHOUT_RELIEF).isEmpty()) {
            Classified tried = out.remove(out.size() - 1);
            out.add(item(tried.text().replaceFirst("\\.$", " without relief."), tried.evidence(), out.size()));
        }
        list(p, Kind.ASSOCIATED, "Also reports ", out);
        return out;
    }

    /**
     * Spoken history sentences whose words the composed history already charted (their evidence
     * overlaps a fact's): the patient's own words would repeat the fact less clearly.
     */
    static List<Classified> withoutCharted(List<Classified> items, List<Classified> composed) {
        if (composed.isEmpty()) {
            return items;
        }
        List<Evidence> charted = composed.stream().flatMap(c -> c.evidence().stream()).toList();
        Predicate<Classified> consumed = item -> item.part() == SoapPart.SUBJECTIVE && item.headingHint() == null
                && item.speaker() == Role.PATIENT
                && item.evidence().stream().anyMatch(e -> charted.stream().anyMatch(c -> overlaps(e, c)));
        return items.stream().filter(consumed.negate()).toList();
    }

    private static String opener(PresentingProblem p, boolean spokenReason) {
        String verb = spokenReason ? "reports" : "presents with";
        if (p.age() == null) {
            return "The patient " + verb;
        }
        String who = p.age() + (p.sex() == null ? " patient" : " " + p.sex());
        return "The patient is a" + (p.age().startsWith("8") || p.age().startsWith("11-") || p.age().startsWith("18-")
                ? "n " : " ") + who + " who " + (spokenReason ? "reports" : "presents with");
    }

    private static void list(PresentingProblem p, Kind kind, String lead, List<Classified> out) {
        List<HistoryFact> facts = p.facts(kind);
        if (facts.isEmpty()) {
            return;
        }
        List<Evidence> evidence = new ArrayList<>(List.of(new Evidence(p.start(), p.end())));
        facts.forEach(f -> evidence.add(evidence(f)));
        out.add(item(lead + ClinicalGrammar.list(facts.stream().map(HistoryFact::text).toList()) + ".", evidence,
                out.size()));
    }

    private static Optional<HistoryFact> first(PresentingProblem p, Kind kind) {
        return p.facts(kind).stream().findFirst();
    }

    private static void append(StringBuilder text, String words, List<Evidence> evidence, HistoryFact f) {
        text.append(words);
        evidence.add(evidence(f));
    }

    private static Evidence evidence(HistoryFact f) {
        return new Evidence(f.start(), f.end());
    }

    private static boolean overlaps(Evidence a, Evidence b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    private static Classified item(String text, List<Evidence> evidence, int index) {
        return new Classified(SoapPart.SUBJECTIVE, text, evidence, Role.PATIENT, FIRST_ORDER + index, Cues.lookup(text),
                HINT, INFORMATIVE);
    }
}
