package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
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
 * after a fall. The pain is rated 7 out of 10. Worse with walking and climbing stairs. Tried
 * ibuprofen without relief." Each sentence points at what was said. Spoken sentences whose facts
 * were charted this way, or that point at nothing, are left out of the history ({@link #withoutCharted}).
 */
final class ComposedHistory {

    /** The heading these sentences go under; specialties without it keep their spoken history. */
    static final String HEADING = "History of Present Illness";
    private static final String HINT = "present";
    /** Before everything spoken, and kept first in a brief note. */
    private static final int FIRST_ORDER = -1000;
    private static final double INFORMATIVE = 100;
    /** "It hurts bad.", "The patient reports that it's both elbows.", a question: out of the talk, unreadable. */
    private static final Pattern POINTS_AT_NOTHING = Pattern.compile(
            "(?i)^(?:the patient (?:reports|said|says|feels|thinks)(?: that)? )?(?:it|it's|that|that's|this|there|they)\\b|\\?");

    private ComposedHistory() {}

    /**
     * The presenting problem when the specialty has a history of present illness; {@link #of} composes
     * it, or nothing when no problem was clear. When the visit's reason was said ({@code reason}: that sentence, or null) the facts follow it,
     * and only when they are about that reason (a follow-up visit's passing symptom is not).
     */
    static Optional<PresentingProblem> problem(EncounterFacts facts, Specialty specialty) {
        if (facts == null || !specialty.headings(SoapPart.SUBJECTIVE).contains(HEADING)) {
            return Optional.empty();
        }
        return PresentingProblems.of(facts.transcript(), facts.extraction());
    }

    static List<Classified> of(Optional<PresentingProblem> problem, Classified reason) {
        if (problem.isEmpty()) {
            return List.of();
        }
        PresentingProblem p = problem.get();
        if (reason == null) {
            return sentences(p, false);
        }
        String said = reason.text().toLowerCase(Locale.ROOT);
        if (!said.contains(p.symptom()) && (p.site() == null || !said.contains(p.site().site()))) {
            return List.of();
        }
        return sentences(p, true).stream()
                .map(c -> new Classified(c.part(), c.text(), c.evidence(), c.speaker(), reason.order(), c.lookup(),
                        c.headingHint(), c.informativeness()))
                .toList();
    }

    /** With {@code spokenReason}, the spoken reason opens the history and no opener or chief complaint is written. */
    static List<Classified> sentences(PresentingProblem p, boolean spokenReason) {
        List<Classified> out = new ArrayList<>();
        Evidence complaint = new Evidence(p.start(), p.end());
        List<Evidence> openerEvidence = new ArrayList<>(List.of(complaint));
        StringBuilder details = new StringBuilder();
        first(p, Kind.DURATION).ifPresent(f -> append(details, " " + f.text(), openerEvidence, f));
        if (p.facts(Kind.DURATION).isEmpty()) {
            first(p, Kind.ONSET).ifPresent(f -> append(details, " that began " + f.text(), openerEvidence, f));
        }
        first(p, Kind.MECHANISM).ifPresent(f -> append(details, " " + f.text(), openerEvidence, f));
        if (!spokenReason) {
            // nobody said why the patient came: the complaint itself is the chief complaint ("Right knee pain.")
            out.add(new Classified(SoapPart.SUBJECTIVE, ClinicalGrammar.capitalise(p.complaint()) + ".", List.of(complaint),
                    Role.PATIENT, FIRST_ORDER - 1, Cues.lookup(p.complaint()), "complaint", INFORMATIVE));
            out.add(item(opener(p) + " " + p.complaint() + details + ".", openerEvidence, out.size()));
        } else if (!details.isEmpty()) {
            out.add(item(ClinicalGrammar.capitalise(p.complaint()) + details.toString().replaceFirst("^ that began", " began")
                    + ".", openerEvidence, out.size()));
        }
        String subject = "The " + p.symptom();
        first(p, Kind.SEVERITY).ifPresent(f -> out.add(item(subject + " is rated " + f.text() + ".",
                List.of(complaint, evidence(f)), out.size())));
        first(p, Kind.COURSE).ifPresent(f -> out.add(item(subject + " is " + f.text() + ".",
                List.of(complaint, evidence(f)), out.size())));
        list(p, Kind.WORSE_WITH, "Worse with ", "", out);
        list(p, Kind.BETTER_WITH, "Better with ", "", out);
        list(p, Kind.TRIED_WITHOUT_RELIEF, "Tried ", " without relief", out);
        list(p, Kind.ASSOCIATED, "Also reports ", "", out);
        return out;
    }

    /**
     * The items without spoken history sentences whose words the composed history already charted
     * (their evidence overlaps a fact's) or that point at nothing ({@link #pointsAtNothing}).
     */
    static List<Classified> withoutCharted(List<Classified> items, List<Classified> composed, Specialty specialty,
                                           String symptom) {
        if (!specialty.headings(SoapPart.SUBJECTIVE).contains(HEADING)) {
            return items;
        }
        List<Evidence> charted = composed.stream().flatMap(c -> c.evidence().stream()).toList();
        Predicate<Classified> spokenHistory = item -> item.part() == SoapPart.SUBJECTIVE && item.headingHint() == null
                && item.speaker() == Role.PATIENT
                && HEADING.equals(HeadingChooser.choose(specialty, SoapPart.SUBJECTIVE, item));
        Predicate<Classified> consumed = item -> item.evidence().stream()
                .anyMatch(e -> charted.stream().anyMatch(c -> overlaps(e, c)));
        // "Tylenol, but it doesn't help" told as the history's "Tried Tylenol without relief" is not a medication
        Predicate<Classified> retoldRemedy = item -> item.part() == SoapPart.SUBJECTIVE && item.speaker() == Role.PATIENT
                && item.headingHint() == null && PresentingProblems.saysItDidNotHelp(item.text()) && consumed.test(item);
        List<Classified> out = new ArrayList<>();
        for (Classified item : items) {
            if (retoldRemedy.test(item)) {
                continue;
            }
            if (!spokenHistory.test(item)) {
                out.add(item);
            } else if (!consumed.test(item)) {
                out.add(item);
            }
        }
        return out.stream().map(item -> spokenHistory.test(item) ? resolved(item, symptom) : Optional.of(item))
                .flatMap(Optional::stream)
                .filter(item -> symptom == null || !spokenHistory.test(item) || readsAsCharted(item.text()))
                .toList();
    }

    /** Longer than this, a spoken sentence is two turns run together, not a line a clinician writes. */
    private static final int MOST_WORDS = 28;
    /** Speech that restarts mid-sentence: "the they love", "they it's", "doesn't that's the thing". */
    private static final Pattern RESTART = Pattern.compile(
            "(?i)\\b(?:the|a|they|it's|doesn't|don't|didn't|is|was)\\s+(?:they|it's|that's|i|we|he|she)\\b"
                    + "|(?i)\\bthat's the thing\\b|(?i)\\bquite frankly\\b");
    /** "The pain hurts.": a resolved "it" that says nothing more. */
    private static final Pattern SAYS_NOTHING = Pattern.compile("(?i)^the [a-z ]+ (?:hurts|is painful|is there)\\.?$");

    /**
     * Once the history is composed from facts, a spoken sentence must read as a charted one to stay: when
     * in doubt it is left out (the facts already say what the visit is about).
     */
    static boolean readsAsCharted(String text) {
        return text.split("\\s+").length <= MOST_WORDS && !RESTART.matcher(text).find()
                && !SAYS_NOTHING.matcher(text.strip()).find() && !SentenceGate.reportsNothing(text);
    }

    /**
     * A history sentence whose "it" opens it is about the complaint when a complaint was composed
     * ("The patient reports that it stays in their lower back." reads "... the pain stays ..."); any other
     * sentence that points at nothing is left out.
     */
    static Optional<Classified> resolved(Classified item, String symptom) {
        if (!pointsAtNothing(item)) {
            return Optional.of(item);
        }
        java.util.regex.Matcher m = LEADING_IT.matcher(item.text());
        if (symptom == null || !m.find()) {
            return Optional.empty();
        }
        String head = m.group(1) == null ? "" : m.group(1);
        String text = (head.isEmpty() ? "The " : head + "the ") + symptom + (m.group(2).equalsIgnoreCase("it's") ? " is" : "")
                + item.text().substring(m.end());
        return Optional.of(new Classified(item.part(), text, item.evidence(), item.speaker(), item.order(), item.lookup(),
                item.headingHint(), item.informativeness()));
    }

    private static final Pattern LEADING_IT = Pattern.compile(
            "^((?i:the patient (?:reports|said|says|feels|thinks)(?: that)? ))?((?i:it's|it))(?=\\s)(?![^.]*\\?)");


    /** A patient's sentence opening on "it" or "that", or a question: the reader cannot tell what it means. */
    static boolean pointsAtNothing(Classified item) {
        return POINTS_AT_NOTHING.matcher(item.text()).find();
    }

    private static String opener(PresentingProblem p) {
        if (p.age() == null) {
            return "The patient presents with";
        }
        String who = p.age() + (p.sex() == null ? " patient" : " " + p.sex());
        boolean an = p.age().startsWith("8") || p.age().startsWith("11-") || p.age().startsWith("18-");
        return "The patient is " + (an ? "an " : "a ") + who + " who presents with";
    }

    private static void list(PresentingProblem p, Kind kind, String lead, String tail, List<Classified> out) {
        List<HistoryFact> facts = p.facts(kind);
        if (facts.isEmpty()) {
            return;
        }
        List<Evidence> evidence = new ArrayList<>(List.of(new Evidence(p.start(), p.end())));
        facts.forEach(f -> evidence.add(evidence(f)));
        out.add(item(lead + ClinicalGrammar.list(facts.stream().map(HistoryFact::text).toList()) + tail + ".", evidence,
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
