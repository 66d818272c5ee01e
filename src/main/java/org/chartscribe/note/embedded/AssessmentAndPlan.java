package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialty;
import org.chartscribe.note.Template;

/**
 * A problem-oriented Assessment and Plan under the specialty's own headings, as clinicians write
 * it: the assessment lists each problem the clinician named with what was said about it, and the
 * plan's general heading takes each problem followed by its plan items. Plan items said before any
 * problem was named keep their specific headings (Medications, Orders, Follow-up, ...).
 */
final class AssessmentAndPlan {

    /** The assessment and plan divisions, and the first problem with the evidence that named it. */
    record Result(Map<SoapPart, List<NoteSection>> sections, String firstProblem, List<Evidence> firstEvidence) {
        /** Redacted: the problem is the patient's. */
        @Override
        public String toString() {
            return "Result[divisions=" + sections.size() + ", firstProblem=<" + firstProblem.length() + " chars>]";
        }
    }

    private AssessmentAndPlan() {}

    /**
     * The two divisions written from the encounter's facts: the problem list, and the plan items under
     * the problem each treats (the rest under the specialty's plan headings). Without any diagnosis or
     * plan item in the facts, or without facts, the divisions come from the classified sentences.
     */
    static Optional<Result> compose(List<Classified> items, Specialty specialty, Template template,
                                    EncounterFacts facts) {
        if (facts == null) {
            return compose(items, specialty, template);
        }
        FactPlan fp = FactPlan.of(items, facts);
        if (fp.problems().isEmpty() && fp.lines().isEmpty()) {
            return compose(items, specialty, template);
        }
        int max = Composer.maxPerHeading(template);
        Map<SoapPart, List<NoteSection>> out = new EnumMap<>(SoapPart.class);
        out.put(SoapPart.ASSESSMENT, assessment(items, specialty, template, fp.problems()));
        List<Classified> general = new ArrayList<>();
        Block plan = new Block();
        for (PlanSentences.Line line : fp.lines()) {
            if (line.problem() == null) {
                general.add(asClassified(line));
            }
        }
        for (ProblemList.Problem problem : fp.problems()) {
            List<Classified> own = fp.lines().stream().filter(l -> problem.key().equals(l.problem()))
                    .map(AssessmentAndPlan::asClassified).toList();
            plan.add(problem.name(), own, max, false, List.of());
        }
        general.addAll(ownHeadingItems(items, specialty));
        Map<SoapPart, List<NoteSection>> byHeading = Composer.byHeading(general, specialty, template,
                List.of(SoapPart.PLAN));
        String planHeading = HeadingChooser.general(specialty, SoapPart.PLAN);
        out.put(SoapPart.PLAN, closed(merge(byHeading.get(SoapPart.PLAN), plan, planHeading), planHeading,
                PatientAgreement.of(facts, fp.region())));
        if (fp.lines().isEmpty()) {
            // no plan item was read as a fact (an unpunctuated plan, an unfamiliar order): the plan said
            // is charted from its sentences, each held to the same gate as the history, never left empty
            spokenPlan(items, specialty, template).ifPresent(spoken -> out.put(SoapPart.PLAN, spoken));
        }
        // the chief complaint names a settled problem only: a diagnosis raised as possible is not why the patient came
        Optional<ProblemList.Problem> first = fp.problems().stream()
                .filter(p -> p.certainty() == ProblemList.Certainty.FIRM).findFirst();
        if (first.isEmpty()) {
            return Optional.of(new Result(out, null, List.of()));
        }
        return Optional.of(new Result(out, first.get().name(), first.get().evidence().subList(0, 1)));
    }

    private static List<Classified> gated(List<Classified> items) {
        List<Classified> out = new ArrayList<>();
        for (Classified item : items) {
            SentenceGate.admit(item.text(), item.part(), item.speaker()).ifPresent(text -> out.add(new Classified(
                    item.part(), text, item.evidence(), item.speaker(), item.order(), item.lookup(), item.headingHint(),
                    item.informativeness())));
        }
        return out;
    }

    private static Optional<List<NoteSection>> spokenPlan(List<Classified> items, Specialty specialty, Template template) {
        List<Classified> gated = new ArrayList<>();
        for (Classified item : items) {
            if (item.part() != SoapPart.PLAN) {
                gated.add(item);
                continue;
            }
            SentenceGate.admit(item.text(), SoapPart.PLAN, item.speaker()).ifPresent(text -> gated.add(new Classified(
                    item.part(), text, item.evidence(), item.speaker(), item.order(), item.lookup(), item.headingHint(),
                    item.informativeness())));
        }
        if (gated.stream().noneMatch(i -> i.part() == SoapPart.PLAN)) {
            return Optional.empty();
        }
        return compose(gated, specialty, template).map(r -> r.sections().get(SoapPart.PLAN))
                .filter(plan -> plan != null && plan.stream().anyMatch(section -> !section.evidence().isEmpty()));
    }

    /**
     * The problem-oriented template from facts: one assessment and one plan section per problem,
     * headed by the problem; plan items for the visit under the specialty's headings first.
     */
    static Optional<Map<SoapPart, List<NoteSection>>> problemOriented(List<Classified> items, Specialty specialty,
                                                                      Template template, EncounterFacts facts) {
        if (facts == null) {
            return Optional.empty();
        }
        FactPlan fp = FactPlan.of(items, facts);
        if (fp.problems().isEmpty()) {
            return Optional.empty();
        }
        int max = Composer.maxPerHeading(template);
        List<Classified> general = new ArrayList<>(fp.lines().stream().filter(l -> l.problem() == null)
                .map(AssessmentAndPlan::asClassified).toList());
        general.addAll(ownHeadingItems(items, specialty));
        List<NoteSection> plan = new ArrayList<>(Composer.byHeading(general, specialty, template,
                List.of(SoapPart.PLAN)).get(SoapPart.PLAN));
        List<NoteSection> assessment = new ArrayList<>();
        for (ProblemList.Problem problem : fp.problems()) {
            String heading = problem.name();
            assessment.add(new NoteSection(heading, problem.line(), problem.evidence()));
            List<Classified> own = fp.lines().stream().filter(l -> problem.key().equals(l.problem()))
                    .map(AssessmentAndPlan::asClassified).toList();
            Composer.section(heading, own, max).ifPresent(plan::add);
        }
        Map<SoapPart, List<NoteSection>> out = new EnumMap<>(SoapPart.class);
        out.put(SoapPart.ASSESSMENT, assessment);
        out.put(SoapPart.PLAN, plan);
        return Optional.of(out);
    }

    /**
     * What the clinician said for a specialty's own plan headings (Transport, Home Exercise Program,
     * Safety Plan, ...): no fact type covers these, so they keep their sentences.
     */
    private static List<Classified> ownHeadingItems(List<Classified> items, Specialty specialty) {
        return items.stream().filter(i -> i.part() == SoapPart.PLAN && !belongsToProblem(specialty, i)
                && !HeadingChooser.choose(specialty, SoapPart.PLAN, i).toLowerCase(java.util.Locale.ROOT)
                        .startsWith("follow")).toList();
    }

    /** The problems and plan lines of an encounter. */
    private record FactPlan(List<ProblemList.Problem> problems, List<PlanSentences.Line> lines, int region) {
        static FactPlan of(List<Classified> items, EncounterFacts facts) {
            int region = ProblemList.regionStart(facts, items);
            List<ProblemList.Problem> problems = new ArrayList<>(
                    ComplaintInAssessment.answered(ProblemList.of(facts, region), facts, region));
            List<PlanSentences.Line> lines = PlanSentences.compose(facts, region, problems,
                    PlanClauses.uncovered(items, facts, region));
            List<Evidence> maintenance = lines.stream()
                    .filter(l -> ProblemList.HEALTH_MAINTENANCE.equals(l.problem()))
                    .flatMap(l -> l.evidence().stream()).toList();
            if (!maintenance.isEmpty()) {
                problems.add(new ProblemList.Problem(ProblemList.HEALTH_MAINTENANCE, "Health maintenance",
                        ProblemList.Certainty.FIRM, null, Integer.MAX_VALUE, List.of(), maintenance));
            }
            return new FactPlan(problems, lines, region);
        }

        /** Redacted: counts only. */
        @Override
        public String toString() {
            return "FactPlan[problems=" + problems.size() + ", lines=" + lines.size() + "]";
        }
    }

    /**
     * The problem list under the general heading, one problem a line; a specialty's other assessment
     * headings (Risk Assessment, Goals, ...) keep what the clinician said for them.
     */
    private static List<NoteSection> assessment(List<Classified> items, Specialty specialty, Template template,
                                                List<ProblemList.Problem> problems) {
        String general = HeadingChooser.general(specialty, SoapPart.ASSESSMENT);
        List<Classified> assessed = items.stream().filter(i -> i.part() == SoapPart.ASSESSMENT).toList();
        if (problems.isEmpty()) {
            // no diagnosis was read as a fact: what was said for the assessment is held to the history's gate
            // ("My assessment and plan for them." and "If she looks at this is a normal femur." do not read)
            List<NoteSection> said = Composer.byHeading(gated(assessed), specialty, template, List.of(SoapPart.ASSESSMENT))
                    .get(SoapPart.ASSESSMENT);
            if (!said.isEmpty() || !assessed.isEmpty()) {
                return said;
            }
            return impliedProblem(items, specialty).map(r -> r.sections().get(SoapPart.ASSESSMENT)).orElse(List.of());
        }
        List<Classified> otherHeadings = assessed.stream()
                .filter(i -> !HeadingChooser.choose(specialty, SoapPart.ASSESSMENT, i).equals(general)).toList();
        List<NoteSection> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<Evidence> evidence = new ArrayList<>();
        for (ProblemList.Problem p : problems) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(p.line());
            evidence.addAll(p.evidence());
        }
        out.add(new NoteSection(general, text.toString(), evidence));
        for (NoteSection s : Composer.byHeading(otherHeadings, specialty, template, List.of(SoapPart.ASSESSMENT))
                .get(SoapPart.ASSESSMENT)) {
            if (!s.heading().equals(general)) {
                out.add(s);
            }
        }
        return out;
    }

    /** A plan line as a sentence the heading chooser and section builder take. */
    private static Classified asClassified(PlanSentences.Line line) {
        return new Classified(SoapPart.PLAN, line.text(), line.evidence(), org.chartscribe.transcript.Role.CLINICIAN,
                line.at(), Cues.lookup(line.text()), line.kind().headingHint, 1.0);
    }

    /** The two divisions, or empty when the clinician named no problem (then sentences go by heading). */
    static Optional<Result> compose(List<Classified> items, Specialty specialty, Template template) {
        List<ProblemGrouper.Problem> problems = ProblemGrouper.group(
                items.stream().filter(i -> i.part() == SoapPart.ASSESSMENT || i.part() == SoapPart.PLAN).toList());
        if (problems.stream().noneMatch(p -> p.label() != null)) {
            return Optional.empty();
        }
        int max = Composer.maxPerHeading(template);
        boolean planAfterAllProblems = planAfterAllProblems(problems);
        List<Classified> unassigned = new ArrayList<>();
        Block assessment = new Block();
        Block plan = new Block();
        for (ProblemGrouper.Problem problem : problems) {
            if (problem.label() == null) {
                unassigned.addAll(problem.items());
                continue;
            }
            assessment.add(problem.label(), withContent(problem.items(SoapPart.ASSESSMENT)), max, true,
                    problem.items().get(0).evidence());
            List<Classified> planItems = new ArrayList<>();
            for (Classified item : problem.items(SoapPart.PLAN)) {
                (!planAfterAllProblems && belongsToProblem(specialty, item) ? planItems : unassigned).add(item);
            }
            plan.add(problem.label(), planItems, max, false, List.of());
        }
        Map<SoapPart, List<NoteSection>> general = Composer.byHeading(unassigned, specialty, template,
                List.of(SoapPart.ASSESSMENT, SoapPart.PLAN));
        Map<SoapPart, List<NoteSection>> out = new EnumMap<>(SoapPart.class);
        out.put(SoapPart.ASSESSMENT, merge(general.get(SoapPart.ASSESSMENT), assessment,
                HeadingChooser.general(specialty, SoapPart.ASSESSMENT)));
        out.put(SoapPart.PLAN, merge(general.get(SoapPart.PLAN), plan, HeadingChooser.general(specialty, SoapPart.PLAN)));
        ProblemGrouper.Problem first = problems.stream().filter(p -> p.label() != null).findFirst().orElseThrow();
        return Optional.of(new Result(out, first.label(), first.items().get(0).evidence()));
    }

    /**
     * "Assessment: diabetes, not at goal. Hypertension, not at goal. Plan: ...": when every plan item
     * comes after all the problems were assessed, nothing says which item treats which problem, so the
     * plan stays one list rather than falling under the last problem named.
     */
    private static boolean planAfterAllProblems(List<ProblemGrouper.Problem> problems) {
        long assessed = problems.stream().filter(p -> !p.items(SoapPart.ASSESSMENT).isEmpty()).count();
        List<ProblemGrouper.Problem> withPlans = problems.stream()
                .filter(p -> p.label() != null && !p.items(SoapPart.PLAN).isEmpty()).toList();
        return assessed >= 2 && withPlans.size() == 1 && withPlans.get(0) == problems.get(problems.size() - 1);
    }

    /** Without sentences that only name the problem ("my impression, from a diabetes standpoint"). */
    private static List<Classified> withContent(List<Classified> items) {
        return items.stream().filter(i -> {
            String rest = Cues.lookup(ProblemGrouper.withoutMarker(i.text()));
            return ClinicalLexicon.isClinical(rest) && rest.trim().split(" ").length >= MIN_CONTENT_WORDS;
        }).toList();
    }

    private static final int MIN_CONTENT_WORDS = 3;

    /**
     * Without any assessment sentence, the diagnosis the clinician states while examining or planning
     * ("the CT shows a kidney stone", "consistent with a sprain") is the assessment, in their words.
     */
    static Optional<Result> impliedProblem(List<Classified> items, Specialty specialty) {
        for (Classified item : items) {
            boolean clinician = item.speaker() == org.chartscribe.transcript.Role.CLINICIAN;
            if (clinician && (item.part() == SoapPart.PLAN || item.part() == SoapPart.OBJECTIVE)) {
                Optional<String> label = ProblemGrouper.diagnosisIn(item.text(), true);
                if (label.isPresent()) {
                    String heading = HeadingChooser.general(specialty, SoapPart.ASSESSMENT);
                    Map<SoapPart, List<NoteSection>> sections = new EnumMap<>(SoapPart.class);
                    sections.put(SoapPart.ASSESSMENT, List.of(new NoteSection(heading, label.get() + ".", item.evidence())));
                    return Optional.of(new Result(sections, label.get(), item.evidence()));
                }
            }
        }
        return Optional.empty();
    }

    /** Plan headings whose items a clinician writes under the problem they treat. */
    private static final java.util.Set<String> MEDICAL_PLAN_WORDS = java.util.Set.of("plan", "medications", "medication",
            "orders", "referrals", "patient", "education", "prescriptions", "recommendations", "treatment");

    /**
     * Medications, orders, referrals and advice go under their problem; follow-up is for the visit, and
     * a specialty's own plan headings (Transport, Home Exercise Program, ...) keep their items.
     */
    private static boolean belongsToProblem(Specialty specialty, Classified item) {
        String heading = HeadingChooser.choose(specialty, SoapPart.PLAN, item);
        return heading.equals(HeadingChooser.general(specialty, SoapPart.PLAN))
                || MEDICAL_PLAN_WORDS.containsAll(HeadingChooser.words(heading));
    }

    /** Puts the problem lines under the general heading, after what that heading already holds. */
    private static List<NoteSection> merge(List<NoteSection> sections, Block block, String heading) {
        if (block.text.isEmpty()) {
            return sections;
        }
        List<NoteSection> out = new ArrayList<>();
        boolean placed = false;
        for (NoteSection s : sections) {
            if (s.heading().equals(heading)) {
                out.add(block.after(s));
                placed = true;
            } else {
                out.add(s);
            }
        }
        if (!placed) {
            out.add(0, new NoteSection(heading, block.text.toString(), block.evidence));
        }
        return out;
    }

    /** The plan closed with the patient's agreement to it, when they agreed and the plan has its own section. */
    private static List<NoteSection> closed(List<NoteSection> sections, String heading, Optional<Classified> agreement) {
        if (agreement.isEmpty()) {
            return sections;
        }
        List<NoteSection> out = new ArrayList<>();
        for (NoteSection s : sections) {
            if (s.heading().equals(heading) && !s.evidence().isEmpty()) {
                List<Evidence> evidence = new ArrayList<>(s.evidence());
                evidence.addAll(agreement.get().evidence());
                s = new NoteSection(s.heading(), s.text() + "\n" + agreement.get().text(), evidence);
            }
            out.add(s);
        }
        return out;
    }

    /** Lines of "Problem: sentences", one per problem. */
    private static final class Block {
        private final StringBuilder text = new StringBuilder();
        private final List<Evidence> evidence = new ArrayList<>();

        /**
         * {@code named} is where the problem was named: a problem line whose sentences only named it
         * ("from a diabetes standpoint") points there, so no line of the section is without evidence.
         */
        void add(String label, List<Classified> items, int max, boolean labelAlone, List<Evidence> named) {
            Optional<NoteSection> section = Composer.section(label, items, max);
            if (section.isEmpty() && !labelAlone) {
                return;
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            if (section.isEmpty()) {
                text.append(label).append('.');
                evidence.addAll(named);
                return;
            }
            if (labelAlone && startsWithLabel(section.get().text(), label)) {
                text.append(section.get().text()); // "Hypertension, not at goal." needs no "Hypertension:" before it
            } else if (labelAlone) {
                text.append(label).append(": ").append(section.get().text());
            } else {
                // plan items one per line under their problem
                text.append(label).append(':');
                for (Classified item : Composer.chosen(items, max)) {
                    text.append("\n- ").append(item.text());
                }
            }
            evidence.addAll(section.get().evidence());
        }

        private static boolean startsWithLabel(String text, String label) {
            return text.regionMatches(true, 0, label, 0, label.length());
        }

        NoteSection after(NoteSection s) {
            List<Evidence> all = new ArrayList<>(s.evidence());
            all.addAll(evidence);
            return new NoteSection(s.heading(), s.text() + "\n" + text, all);
        }
    }
}
