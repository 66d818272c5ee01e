package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.chartscribe.clinical.PlanItem;
import org.chartscribe.note.Evidence;
import org.chartscribe.transcript.Sentence;

/** Education and home-care lines of the plan, named by their topic ("Counseled on low-sodium diet.", "Advised ice."). */
final class AdvicePlanLines {

    private AdvicePlanLines() {}

    /** Education a chart names by its topic; the first that fits a clause is written. */
    private record Topic(Pattern pattern, String text) {}

    private static final List<Topic> TOPICS = List.of(
            new Topic(Pattern.compile("\\blow[- ](?:sodium|salt)|\\bsalt intake|\\bsodium intake"),
                    "Counseled on low-sodium diet."),
            new Topic(Pattern.compile("\\b(?:diabetic diet|carb(?:ohydrate)?s?\\b|sugar intake|sugary)"),
                    "Counseled on diabetic diet."),
            new Topic(Pattern.compile("\\b(?:push fluids|hydrat\\w*|drink (?:plenty of |lots of |a lot of |more )?"
                    + "(?:water|fluids))"), "Advised to increase fluid intake."),
            new Topic(Pattern.compile("\\bstrain (?:your |the |his |her )?urine"), "Advised to strain urine."),
            new Topic(Pattern.compile("\\b(?:blood pressures?|bp)\\b.{0,40}\\b(?:home|every day|daily|record|log|monitor|"
                    + "check)|\\b(?:record|log|monitor|check|take) (?:your |her |his )?(?:blood pressures?|bp)\\b"),
                    "Advised to monitor blood pressure at home."),
            new Topic(Pattern.compile("\\b(?:check|monitor|record|log) (?:your |her |his )?(?:blood sugars?|glucose|"
                    + "sugars?)\\b"), "Advised to monitor blood glucose at home."),
            new Topic(Pattern.compile("\\b(?:take|taking) (?:the |your |her |his )?(?:[a-z]+ )?(?:as directed|as "
                    + "prescribed|every day|regularly|consistently)"), "Counseled on medication adherence."),
            new Topic(Pattern.compile("\\b(?:quit(?:ting)? smoking|stop(?:ping)? smoking|smoking cessation|cut (?:back|down) "
                    + "on (?:the )?(?:smoking|cigarettes))"), "Counseled on smoking cessation."),
            new Topic(Pattern.compile("\\b(?:lose weight|weight loss|losing weight)"), "Counseled on weight loss."),
            new Topic(Pattern.compile("\\b(?:exercise|exercising|physical activity|stay active)\\b"),
                    "Counseled on exercise."),
            new Topic(Pattern.compile("\\b(?:watch(?:ing)? (?:your |her |his |the )?diet|diet(?:ary)? (?:changes|"
                    + "modifications)|healthy diet|eat(?:ing)? healthy)"), "Counseled on dietary modifications."),
            new Topic(Pattern.compile("\\b(?:weigh (?:yourself|himself|herself)|daily weights?)\\b"), "Daily weights."),
            new Topic(Pattern.compile("\\bknee brace\\b"), "Knee brace."),
            new Topic(Pattern.compile("\\b(?:wrist|ankle|back|elbow) brace\\b"), "Brace."),
            new Topic(Pattern.compile("\\b(?:a|the|your|in a|into a) brace\\b"), "Brace."),
            new Topic(Pattern.compile("\\b(?:long|short) (?:arm|leg) cast\\b"), "Cast."),
            new Topic(Pattern.compile("\\bsling\\b"), "Sling."),
            new Topic(Pattern.compile("\\bsplint\\b"), "Splint."),
            new Topic(Pattern.compile("\\bcrutch(?:es)?\\b"), "Crutches."),
            new Topic(Pattern.compile("\\bwalking boot\\b"), "Walking boot."),
            new Topic(Pattern.compile("\\b(?:ice|icing)\\b"), "Advised ice."),
            new Topic(Pattern.compile("\\belevat\\w*"), "Advised elevation."),
            new Topic(Pattern.compile("\\b(?:rest|take it easy)\\b"), "Advised rest."),
            new Topic(Pattern.compile("\\b(?:go to the (?:er|emergency)|call (?:me|us|the office)|come back (?:in )?if|"
                    + "return if|let me know if)"), "Return precautions given."));

    /** Advice named plainly in the assessment and plan ("low-sodium diet"), said without a verb of advice. */
    private static final List<Topic> PLAIN_TOPICS = List.of(TOPICS.get(0));

    static void dictatedAdvice(EncounterFacts facts, int regionStart, Map<String, PlanDraft> drafts) {
        for (Sentence s : facts.sentences()) {
            String lower = s.text().toLowerCase(Locale.ROOT);
            if (s.start() < regionStart || !ProblemList.clinician(s) || lower.contains("?") || PlanSentences.PAST.matcher(lower).find()) {
                continue;
            }
            for (Topic topic : PLAIN_TOPICS) {
                if (topic.pattern().matcher(lower).find()) {
                    PlanSentences.merge(drafts, new PlanDraft(topic.text(), PlanSentences.Kind.EDUCATION, "edu:" + topic.text(), s.start(),
                            new Evidence(s.start(), s.end()), List.of()));
                }
            }
        }
    }

    /** Each topic the advice names; advice no topic fits is left out rather than quoted. */
    static List<PlanDraft> education(String clause, PlanItem item) {
        List<PlanDraft> out = new ArrayList<>();
        for (Topic topic : TOPICS) {
            if (topic.pattern().matcher(clause).find()) {
                out.add(new PlanDraft(topic.text(), PlanSentences.Kind.EDUCATION, "edu:" + topic.text(), item.start(),
                        new Evidence(item.start(), item.end()), List.of()));
            }
        }
        return out;
    }
}
