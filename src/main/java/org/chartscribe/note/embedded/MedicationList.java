package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.chartscribe.clinical.Medication;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.SoapPart;
import org.chartscribe.transcript.Role;
import org.chartscribe.transcript.Sentence;

/**
 * The medications the patient is on, written from the extracted facts rather than from what was said
 * about them: "Takes digoxin, lisinopril 20 mg daily and polyethylene glycol." A drug started today is
 * the plan's; one the patient does not take or stopped is not listed. The history may also mention a drug
 * (with what was said about it); the list is where a reader looks for all of them. Names, doses and frequencies are the extractor's, so nothing is added.
 */
final class MedicationList {

    /** The heading whose spoken lines the list may replace; a shared heading keeps them. */
    private static final String HEADING = "Medications";
    /** A list of what the patient takes carries as much as any finding: the condenser keeps it. */
    private static final double INFORMATIVENESS = 3.0;

    private MedicationList() {}

    /**
     * @param medications what the extractor found in the transcript, in text order
     * @param kept        the sentences the note keeps, to place the list among them
     */
    static Optional<Classified> of(EncounterFacts facts, List<Classified> kept) {
        List<Medication> medications = facts.extraction().medications().stream()
                .filter(m -> m.status() != Medication.Status.MENTIONED || isCurrent(facts, m)).toList();
        return of(medications, kept);
    }

    /** "I take lisinopril", "she is on metformin 500": a drug the patient takes now, not one tried once. */
    private static final Pattern CURRENT_USE = Pattern.compile(
            "(?i)\\b(?:take|takes|taking|on|using|uses|use|still|daily|every|twice|once|continue|continuing|prescribed)\\b");
    /** "I took some Tylenol", "he tried ibuprofen": a trial before the visit, not a medication list entry. */
    private static final Pattern TRIED = Pattern.compile("(?i)\\b(?:took|tried|trying|had taken|gave|used to|popped)\\b");

    static boolean isCurrent(EncounterFacts facts, Medication m) {
        if (m.dose() != null || m.frequency() != null) {
            return true;
        }
        Sentence s = facts.sentenceAt(m.start());
        if (s == null) {
            return false;
        }
        String before = facts.source().substring(s.start(), m.start());
        return CURRENT_USE.matcher(before).find() && !TRIED.matcher(before).find();
    }

    static Optional<Classified> of(List<Medication> medications, List<Classified> kept) {
        Map<String, Medication> current = new LinkedHashMap<>();
        Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        for (Medication m : medications) {
            if (m.status() == Medication.Status.STARTED || m.status() == Medication.Status.NOT_TAKING
                    || m.status() == Medication.Status.STOPPED) {
                continue;
            }
            // a changed dose is today's decision: the list names the drug, the plan gives the new dose
            Medication listed = m.status() == Medication.Status.CHANGED ? nameOnly(m) : m;
            current.merge(m.name(), listed, MedicationList::moreComplete);
            evidence.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(new Evidence(m.start(), m.end()));
        }
        for (Medication m : medications) {
            if (m.status() == Medication.Status.STARTED || m.status() == Medication.Status.STOPPED) {
                current.remove(m.name()); // new or stopped today: not part of what the patient was on
            }
        }
        if (current.isEmpty()) {
            return Optional.empty();
        }
        List<String> entries = current.values().stream().map(MedicationList::entry).toList();
        String text = "Takes " + join(entries) + ".";
        List<Evidence> spans = current.keySet().stream().flatMap(name -> evidence.get(name).stream()).toList();
        int first = spans.stream().mapToInt(Evidence::start).min().orElse(0);
        // placed with the first kept sentence said at or after the first mention (orders count sentences)
        int order = kept.stream().filter(k -> !k.evidence().isEmpty() && k.evidence().get(0).start() >= first)
                .mapToInt(Classified::order).min()
                .orElse(kept.stream().mapToInt(Classified::order).max().orElse(0));
        return Optional.of(new Classified(SoapPart.SUBJECTIVE, text, spans, Role.CLINICIAN, order,
                Cues.lookup(text), "medications", INFORMATIVENESS));
    }

    /**
     * The items without the spoken sentences the list makes redundant: once the medications are listed from
     * the facts, a sentence filed under the same heading stays only to name a drug the list does not (a
     * drug tried before the visit: "He took ibuprofen."). Retold doses ("The patient reports ibuprofen 800 mg
     * 3 times a day."), advice, lab values and remarks about "the medicine" are the review's unreadable and
     * misplaced lines under Medications. Returns a new list: the caller may clear {@code items} and refill it.
     */
    static List<Classified> withoutRetold(List<Classified> items, Classified list, EncounterFacts facts,
                                          org.chartscribe.note.Specialty specialty) {
        String heading = HeadingChooser.choose(specialty, SoapPart.SUBJECTIVE, list);
        if (!HEADING.equals(heading)) {
            return List.copyOf(items); // "Diet and Medications", "Medications and Supplements": the heading holds more than drugs
        }
        java.util.Set<String> listed = drugsNamed(list, facts); // the list's evidence is its drugs' mentions
        List<Classified> out = new ArrayList<>(items.size());
        for (Classified item : items) {
            boolean spokenHere = item != list && item.part() == SoapPart.SUBJECTIVE
                    && heading.equals(HeadingChooser.choose(specialty, SoapPart.SUBJECTIVE, item));
            if (!spokenHere) {
                out.add(item);
                continue;
            }
            String said = item.text().toLowerCase(java.util.Locale.ROOT);
            java.util.Set<String> named = drugsNamed(item, facts);
            if (!listed.containsAll(named) || ADHERENCE.matcher(said).find()
                    || EFFECT.matcher(said).find() && !named.isEmpty()) {
                out.add(item);
            }
        }
        return out;
    }

    /** Whether the patient takes the drugs as prescribed: history the list cannot say. */
    private static final Pattern ADHERENCE = Pattern.compile("\\b(?:complian\\w*|adheren\\w*|as prescribed|forget|forgets|forgetting|forgot|miss|misses|missed|"
            + "missing|skip|skips|skipped|ran out|run out|ca ?n't afford|cannot afford)\\b");
    /** What a drug did for the complaint: "ibuprofen every 6 hours, but it's not helping at all". */
    private static final Pattern EFFECT = Pattern.compile("\\b(?:help|helps|helped|helping|relief|relieved|works|worked|"
            + "working|side effects?)\\b");

    /** The drugs whose mention lies inside the line's evidence. */
    private static java.util.Set<String> drugsNamed(Classified item, EncounterFacts facts) {
        java.util.Set<String> named = new java.util.HashSet<>();
        for (Medication m : facts.extraction().medications()) {
            if (item.evidence().stream().anyMatch(e -> e.start() <= m.start() && m.end() <= e.end())) {
                named.add(m.name());
            }
        }
        return named;
    }

    /** "a", "a and b", "a, b and c". */
    static String join(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static Medication nameOnly(Medication m) {
        return new Medication(m.name(), m.drugClass(), m.brandNameUsed(), null, null, null, null, m.status(), m.start(),
                m.end());
    }

    private static Medication moreComplete(Medication a, Medication b) {
        return score(b) > score(a) ? b : a;
    }

    private static int score(Medication m) {
        return (m.dose() != null ? 2 : 0) + (m.frequency() != null ? 1 : 0);
    }

    /** "lisinopril 20 mg daily": the route is left out when it is by mouth, as clinicians list them. */
    private static String entry(Medication m) {
        StringBuilder sb = new StringBuilder(m.name());
        if (m.dose() != null) {
            sb.append(' ').append(m.dose().toPlainString());
            if (m.unit() != null) {
                sb.append(' ').append(m.unit());
            }
        }
        if (m.route() != null && !m.route().equals("oral")) {
            sb.append(' ').append(m.route());
        }
        if (m.frequency() != null) {
            sb.append(' ').append(m.frequency());
        }
        return sb.toString();
    }
}
