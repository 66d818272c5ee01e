package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.chartscribe.note.Evidence;
import org.chartscribe.transcript.Sentence;

/** Files each plan line under the problem it treats, and groups one problem's lab orders in one line. */
final class PlanLineAttachment {

    private PlanLineAttachment() {}

    /**
     * Each line to the problem under discussion when it was said; before any problem was taken up (or
     * when all problems were named before the plan), to the problem its drug or test treats, if clear.
     */
    static List<PlanSentences.Line> attach(EncounterFacts facts, List<PlanDraft> drafts, List<ProblemList.Problem> problems) {
        List<int[]> anchors = new ArrayList<>(); // offset, problem index
        for (int i = 0; i < problems.size(); i++) {
            for (int a : problems.get(i).anchors()) {
                anchors.add(new int[] {a, i});
            }
        }
        anchors.sort((x, y) -> Integer.compare(x[0], y[0]));
        int firstItem = drafts.stream().filter(d -> d.kind != PlanSentences.Kind.FOLLOW_UP).mapToInt(d -> d.at).min()
                .orElse(Integer.MAX_VALUE);
        // "Assessment: diabetes, stable. GERD, improved. Plan: ...": problems named in sentences of their own
        // before any plan item; the plan then says nothing of which item treats which ("X, most likely Y"
        // names one problem twice, in one sentence)
        long sentences = anchors.stream().map(a -> facts.sentenceAt(a[0])).filter(java.util.Objects::nonNull)
                .map(Sentence::start).distinct().count();
        boolean allNamedFirst = sentences >= 2 && anchors.stream().allMatch(a -> a[0] < firstItem)
                && problems.size() >= 2;
        List<PlanSentences.Line> out = new ArrayList<>();
        drafts.sort((x, y) -> Integer.compare(x.at, y.at));
        for (PlanDraft d : drafts) {
            String problem = null;
            if (d.indications.contains(ProblemList.HEALTH_MAINTENANCE)) {
                problem = ProblemList.HEALTH_MAINTENANCE;
            } else if (d.kind != PlanSentences.Kind.FOLLOW_UP) {
                int[] under = null;
                for (int[] a : anchors) {
                    // a problem named just after the item takes it only inside the item's own sentence
                    // ("for your migraines, continue ..."), not when the next sentence takes up the next problem
                    if (a[0] <= d.at || a[0] <= d.at + ANCHOR_SLACK && sameSentence(facts, d, a[0])) {
                        under = a;
                    }
                }
                String indicated = indicated(d.indications, problems);
                if (under != null && !allNamedFirst) {
                    String key = problems.get(under[1]).key();
                    boolean treats = d.indications.isEmpty() || d.indications.stream().anyMatch(key::contains);
                    // a drug for another condition is not filed under the problem being discussed
                    problem = treats ? key : indicated;
                } else {
                    problem = indicated;
                }
            }
            out.add(new PlanSentences.Line(d.text, d.kind, problem, d.at, List.copyOf(d.evidence)));
        }
        return groupLabs(out);
    }

    /** A problem named at the start of the item's own clause ("for your migraines, continue ...") takes it. */
    private static final int ANCHOR_SLACK = 80;

    /** Whether the words the item was read from reach into the sentence that names the problem. */
    private static boolean sameSentence(EncounterFacts facts, PlanDraft d, int anchor) {
        Sentence s = facts.sentenceAt(anchor);
        return s != null && d.evidence.get(0).end() > s.start();
    }

    private static String indicated(List<String> indications, List<ProblemList.Problem> problems) {
        for (String condition : indications) {
            for (ProblemList.Problem p : problems) {
                if (p.key().contains(condition)) {
                    return p.key();
                }
            }
        }
        return null;
    }

    /** "Order CBC, CMP, and lipid panel.": the lab orders of one problem in one line. */
    private static List<PlanSentences.Line> groupLabs(List<PlanSentences.Line> lines) {
        List<PlanSentences.Line> out = new ArrayList<>();
        Map<String, Integer> labLine = new LinkedHashMap<>();
        for (PlanSentences.Line line : lines) {
            boolean lab = line.kind() == PlanSentences.Kind.ORDER && line.text().startsWith("Order ") && !line.text().contains(" of the ")
                    && !line.text().startsWith("Order repeat ") && isLab(line.text());
            String owner = String.valueOf(line.problem());
            if (lab && labLine.containsKey(owner)) {
                int i = labLine.get(owner);
                PlanSentences.Line first = out.get(i);
                List<String> tests = new ArrayList<>(List.of(first.text().substring(6, first.text().length() - 1)
                        .replace(", and ", ", ").replace(" and ", ", ").split(", ")));
                String test = line.text().substring(6, line.text().length() - 1);
                if (!test.equals("blood work")) {
                    tests.remove("blood work"); // the specific tests say what the blood work is
                    if (!tests.contains(test)) {
                        tests.add(test);
                    }
                }
                List<Evidence> evidence = new ArrayList<>(first.evidence());
                evidence.addAll(line.evidence());
                out.set(i, new PlanSentences.Line("Order " + ClinicalGrammar.list(tests) + ".", PlanSentences.Kind.ORDER, first.problem(), first.at(),
                        evidence));
                continue;
            }
            if (lab) {
                labLine.put(owner, out.size());
            }
            out.add(line);
        }
        return out;
    }

    private static final Pattern IMAGING_WORDS = Pattern.compile("(?i)\\b(?:x-ray|mri|ct|ultrasound|echocardiogram|ekg|"
            + "mammogram|scan|colonoscopy|doppler|stress test)\\b");

    private static boolean isLab(String text) {
        return !IMAGING_WORDS.matcher(text).find();
    }
}
