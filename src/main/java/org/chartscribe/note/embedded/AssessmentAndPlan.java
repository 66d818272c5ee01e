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
            assessment.add(problem.label(), withContent(problem.items(SoapPart.ASSESSMENT)), max, true);
            List<Classified> planItems = new ArrayList<>();
            for (Classified item : problem.items(SoapPart.PLAN)) {
                (!planAfterAllProblems && belongsToProblem(specialty, item) ? planItems : unassigned).add(item);
            }
            plan.add(problem.label(), planItems, max, false);
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

    /** Lines of "Problem: sentences", one per problem. */
    private static final class Block {
        private final StringBuilder text = new StringBuilder();
        private final List<Evidence> evidence = new ArrayList<>();

        void add(String label, List<Classified> items, int max, boolean labelAlone) {
            Optional<NoteSection> section = Composer.section(label, items, max);
            if (section.isEmpty() && !labelAlone) {
                return;
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            if (section.isEmpty()) {
                text.append(label).append('.');
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
