package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialty;
import org.chartscribe.note.Template;

/**
 * Assembles classified sentences into headed sections for a specialty and template. Sections keep
 * the order of the specialty's headings, sentences keep the order in which they were spoken.
 */
final class Composer {

    private Composer() {}

    static Map<SoapPart, List<NoteSection>> compose(List<Classified> items, Specialty specialty, Template template) {
        return compose(items, specialty, template, null);
    }

    /** With the encounter's facts (or null), the assessment and plan are written from them. */
    static Map<SoapPart, List<NoteSection>> compose(List<Classified> items, Specialty specialty, Template template,
                                                    EncounterFacts facts) {
        Map<SoapPart, List<NoteSection>> sections = switch (template) {
            case BIRP -> TemplateLayouts.birp(items, maxPerHeading(template));
            case DAP -> TemplateLayouts.dap(items, maxPerHeading(template));
            case PROBLEM_ORIENTED -> problemOriented(items, specialty, template, facts);
            default -> byHeadingWithProblems(items, specialty, template, facts);
        };
        Map<SoapPart, List<NoteSection>> complete = new EnumMap<>(SoapPart.class);
        for (SoapPart part : SoapPart.values()) {
            List<NoteSection> list = sections.getOrDefault(part, List.of());
            complete.put(part, list.isEmpty()
                    ? List.of(emptySection(TemplateLayouts.fallbackHeading(template, specialty, part), part))
                    : list);
        }
        return complete;
    }

    static int maxPerHeading(Template template) {
        return switch (template) {
            case BRIEF -> 2;
            case DETAILED -> 60;
            default -> 12;
        };
    }

    /** Subjective and objective by heading; assessment and plan by problem when the clinician named any. */
    private static Map<SoapPart, List<NoteSection>> byHeadingWithProblems(List<Classified> items, Specialty specialty,
                                                                          Template template, EncounterFacts facts) {
        // the objective part is placed by fact type (vitals, results, exam by system); the assessment and
        // plan still read the sentences as they were classified
        Map<SoapPart, List<NoteSection>> out = byHeading(ObjectiveFacts.place(items, specialty, facts), specialty,
                template, List.of(SoapPart.values()));
        Optional<AssessmentAndPlan.Result> ap = AssessmentAndPlan.compose(items, specialty, template, facts);
        if (ap.isEmpty() && items.stream().noneMatch(i -> i.part() == SoapPart.ASSESSMENT)) {
            ap = AssessmentAndPlan.impliedProblem(items, specialty);
        }
        ap.ifPresent(result -> {
            out.putAll(result.sections());
            out.put(SoapPart.SUBJECTIVE, withChiefComplaint(out.get(SoapPart.SUBJECTIVE), specialty, result));
        });
        return out;
    }

    /**
     * Without an opening sentence ("here for ..."), the first problem the clinician named stands as the
     * chief complaint, in the clinician's words, as a note's opening line usually does.
     */
    private static List<NoteSection> withChiefComplaint(List<NoteSection> subjective, Specialty specialty,
                                                        AssessmentAndPlan.Result ap) {
        String opening = specialty.headings(SoapPart.SUBJECTIVE).get(0);
        if (ap.firstProblem() == null || !HeadingChooser.isOpening(opening) || subjective.stream().anyMatch(s -> s.heading().equals(opening))) {
            return subjective;
        }
        List<NoteSection> out = new ArrayList<>(subjective);
        out.add(0, new NoteSection(opening, ap.firstProblem() + ".", ap.firstEvidence()));
        return out;
    }

    static Map<SoapPart, List<NoteSection>> byHeading(List<Classified> items, Specialty specialty,
                                                              Template template, List<SoapPart> parts) {
        Map<SoapPart, List<NoteSection>> out = new EnumMap<>(SoapPart.class);
        for (SoapPart part : parts) {
            Map<String, List<Classified>> groups = new LinkedHashMap<>();
            for (String heading : specialty.headings(part)) {
                groups.put(heading, new ArrayList<>());
            }
            for (Classified item : items) {
                if (item.part() != part) {
                    continue;
                }
                String heading = HeadingChooser.choose(specialty, part, item);
                String opening = specialty.headings(part).get(0);
                if (!HeadingChooser.isOpening(heading) && HeadingChooser.isOpening(opening) && groups.get(opening).isEmpty()
                        && ChiefComplaint.reason(item.text()).isPresent()) {
                    heading = opening; // "seen today for follow-up of diabetes" states the visit's reason, not a history
                }
                if (HeadingChooser.isOpening(heading)) {
                    String general = HeadingChooser.general(specialty, part);
                    Optional<String> reason = ChiefComplaint.reason(item.text());
                    if (groups.get(heading).isEmpty() && reason.isPresent() && !general.equals(heading)) {
                        // "Knee pain." as the complaint; the whole sentence opens the history
                        groups.get(heading).add(new Classified(part, reason.get(), item.evidence(), item.speaker(),
                                item.order(), item.lookup(), item.headingHint(), item.informativeness()));
                        heading = general;
                    } else if (!groups.get(heading).isEmpty()) {
                        heading = general; // one opening sentence is enough
                    }
                }
                groups.get(heading).add(item);
            }
            List<NoteSection> sections = new ArrayList<>();
            groups.forEach((heading, list) -> section(heading, list, maxPerHeading(template)).ifPresent(sections::add));
            out.put(part, sections);
        }
        return out;
    }

    private static Map<SoapPart, List<NoteSection>> problemOriented(List<Classified> items, Specialty specialty,
                                                                    Template template, EncounterFacts facts) {
        Map<SoapPart, List<NoteSection>> out = byHeading(ObjectiveFacts.place(items, specialty, facts), specialty,
                template, List.of(SoapPart.SUBJECTIVE, SoapPart.OBJECTIVE));
        Optional<Map<SoapPart, List<NoteSection>>> fromFacts = AssessmentAndPlan.problemOriented(items, specialty,
                template, facts);
        if (fromFacts.isPresent()) {
            out.putAll(fromFacts.get());
            return out;
        }
        List<ProblemGrouper.Problem> problems = ProblemGrouper.group(
                items.stream().filter(i -> i.part() == SoapPart.ASSESSMENT || i.part() == SoapPart.PLAN).toList());
        List<Classified> unassigned = new ArrayList<>();
        List<NoteSection> assessment = new ArrayList<>();
        List<NoteSection> plan = new ArrayList<>();
        for (ProblemGrouper.Problem problem : problems) {
            if (problem.label() == null) {
                unassigned.addAll(problem.items());
                continue;
            }
            int max = maxPerHeading(template);
            section(problem.label(), problem.items(SoapPart.ASSESSMENT), max).ifPresent(assessment::add);
            section(problem.label(), problem.items(SoapPart.PLAN), max).ifPresent(plan::add);
        }
        Map<SoapPart, List<NoteSection>> general = byHeading(unassigned, specialty, template,
                List.of(SoapPart.ASSESSMENT, SoapPart.PLAN));
        assessment.addAll(0, general.get(SoapPart.ASSESSMENT));
        plan.addAll(0, general.get(SoapPart.PLAN));
        out.put(SoapPart.ASSESSMENT, assessment);
        out.put(SoapPart.PLAN, plan);
        return out;
    }

    /** A section from the most informative {@code max} sentences, in spoken order, without repeats. */
    static java.util.Optional<NoteSection> section(String heading, List<Classified> items, int max) {
        List<Classified> chosen = DanglingReferences.withoutDangling(chosen(items, max));
        if (chosen.isEmpty()) {
            return java.util.Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        List<Evidence> evidence = new ArrayList<>();
        for (Classified item : chosen) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(item.text());
            evidence.addAll(item.evidence());
        }
        return java.util.Optional.of(new NoteSection(heading, text.toString(), evidence));
    }

    /** The most informative {@code max} distinct sentences, in spoken order. */
    static List<Classified> chosen(List<Classified> items, int max) {
        Set<String> seen = new HashSet<>();
        List<Classified> distinct = new ArrayList<>();
        for (Classified item : items) {
            if (seen.add(item.text().toLowerCase(java.util.Locale.ROOT))) {
                distinct.add(item);
            }
        }
        return distinct.size() <= max ? distinct : distinct.stream()
                .sorted(Comparator.comparingDouble(Classified::informativeness).reversed())
                .limit(max)
                .sorted(Comparator.comparingInt(Classified::order))
                .toList();
    }

    static NoteSection emptySection(String heading, SoapPart part) {
        String what = switch (part) {
            case SUBJECTIVE -> "No subjective information";
            case OBJECTIVE -> "No objective findings";
            case ASSESSMENT -> "No assessment";
            case PLAN -> "No plan";
        };
        return new NoteSection(heading, what + " documented in the transcript.", List.of());
    }
}
