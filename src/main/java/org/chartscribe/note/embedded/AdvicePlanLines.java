package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.clinical.PlanItem;
import org.chartscribe.clinical.WordPhrases;
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
            new Topic(Pattern.compile("\\bair ?cast\\b"), "Air cast."),
            new Topic(Pattern.compile("\\b(?:(?:long|short) (?:arm|leg)|(?:in|into|put on|wear|wearing) (?:a|the)) cast\\b"),
                    "Cast."),
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
        boolean ordered = drafts.values().stream().anyMatch(d -> d.kind == PlanSentences.Kind.ORDER);
        for (Sentence s : facts.sentences()) {
            String lower = s.text().toLowerCase(Locale.ROOT);
            if (s.start() < regionStart || !ProblemList.clinician(s) || lower.contains("?") || PlanSentences.speaksOfThePast(lower)) {
                continue;
            }
            Evidence evidence = new Evidence(s.start(), s.end());
            for (Topic topic : PLAIN_TOPICS) {
                if (topic.pattern().matcher(lower).find()) {
                    PlanSentences.merge(drafts, new PlanDraft(topic.text(), PlanSentences.Kind.EDUCATION, "edu:" + topic.text(), s.start(),
                            evidence, List.of()));
                }
            }
            if (IF_WORSE.matcher(lower).find() && SEEK_CARE.matcher(lower).find()) {
                PlanSentences.merge(drafts, new PlanDraft(RETURN_PRECAUTIONS, PlanSentences.Kind.EDUCATION,
                        "edu:" + RETURN_PRECAUTIONS, s.start(), evidence, List.of()));
            }
            Matcher procedure = CONTINGENT_PROCEDURE.matcher(lower);
            if (PROCEDURE_SAID.in(lower) && procedure.find() && IF_NOT_BETTER.matcher(lower).find()) {
                String what = procedure.group(1).replaceFirst("^(?:cortisone|steroid) shot$", "steroid injection");
                PlanSentences.merge(drafts, new PlanDraft("Consider " + what + " if symptoms persist.",
                        PlanSentences.Kind.OTHER, "if:" + what, s.start(), evidence, List.of()));
            }
            Matcher after = FOLLOW_UP_AFTER.matcher(lower);
            if (lower.contains("after ") && after.find()) { // the pattern's "after " is said whatever its branch
                String what = after.group(1).replaceFirst("^pt$", "physical therapy").replaceFirst("^(?:the|your) ", "");
                PlanDraft d = new PlanDraft("Follow up after " + what + ".", PlanSentences.Kind.FOLLOW_UP, "follow-up",
                        s.start(), evidence, List.of());
                d.rank = 1;
                PlanSentences.merge(drafts, d);
            }
            if (ordered && mayPromiseResults(lower) && RESULTS_CALL.matcher(lower).find()) {
                String text = PORTAL.matcher(lower).find() ? "Results to be shared through the patient portal."
                        : "Will contact the patient with results.";
                PlanSentences.merge(drafts, new PlanDraft(text, PlanSentences.Kind.FOLLOW_UP, "results-call", s.start(),
                        evidence, List.of()));
            }
        }
    }

    /** "come back and see me after you finish physical therapy": a follow-up set by an event, not an interval. */
    private static final Pattern FOLLOW_UP_AFTER = Pattern.compile("\\b(?:follow[- ]?up|see you(?: back)?|see me|"
            + "come back|check back|touch base)\\b[^.?!]{0,30}?\\bafter (?:you (?:finish|complete|do|have|get) )?"
            + "(?:some )?(physical therapy|pt|(?:the|your) (?:mri|ct scan|surgery|injection|procedure|colonoscopy|"
            + "endoscopy|egd|physical therapy|therapy|tests?|results?))\\b");
    private static final String RETURN_PRECAUTIONS = "Return precautions given.";
    /** "if your symptoms get worse", "if it doesn't get better": the condition of return precautions. */
    private static final Pattern IF_WORSE = Pattern.compile("\\bif (?:your |the |you |things |it |that |this )?"
            + "(?:[a-z]+ ){0,2}(?:gets? worse|worsens?|worsen|(?:do ?n't|does ?n't|do not|does not|are ?n't|is ?n't) "
            + "(?:get(?:ting)? better|improv\\w*)|not (?:getting )?better|persists?|notice any|develop any|have any "
            + "(?:new|worsening))\\b");
    private static final Pattern SEEK_CARE = Pattern.compile("\\b(?:call|give (?:me|us) a call|come back|come in|"
            + "let (?:me|us) know|reach out|go to the (?:er|emergency)|emergency room|urgent care|911)\\b");
    /** A procedure held in reserve ("we can do a steroid injection if it doesn't get better"). */
    private static final String PROCEDURES = "steroid injection|cortisone injection|"
            + "cortisone shot|steroid shot|epidural (?:steroid )?injection|nerve block|surgery|surgical repair|arthroscopy";
    private static final Pattern CONTINGENT_PROCEDURE = Pattern.compile("\\b(" + PROCEDURES + ")\\b");
    /** The procedures' words at word starts, read from the pattern's alternation: without them it cannot match. */
    private static final WordPhrases PROCEDURE_SAID = WordPhrases.ofAlternation(PROCEDURES, false, true);
    private static final Pattern IF_NOT_BETTER = Pattern.compile("\\bif (?:(?:that|it|this|things|the pain|your pain|"
            + "symptoms|your symptoms|therapy|physical therapy|the medication) (?:does ?n't|does not|do ?n't|do not|is ?n't|is not)"
            + " (?:help|improve|get better|getting better|work|better)|(?:you're|you are|it's|it is|you're still|you're not)"
            + " (?:not |still )?(?:better|improving|having pain|in pain)|there(?:'s| is) no improvement|"
            + "(?:it|that|the pain|symptoms|your symptoms) persists?|no (?:improvement|better))\\b");
    /** "I'll call you with the results", "we'll be in touch": the results call-back. */
    static final Pattern RESULTS_CALL = Pattern.compile("\\b(?:i'll|i will|we'll|we will|the nurse will|"
            + "my nurse will|someone will|office will)\\s+(?:give you a call|call you|be in touch|reach out|let you know|"
            + "get back to you|send you|message you)\\b|\\b(?:patient portal|mychart|through the portal)\\b");
    /**
     * What every branch of {@link #RESULTS_CALL} says: "will" or "'ll" in each of its speakers, or a portal.
     * A branch added there needs its word here ({@code AdvicePlanLinesTest} checks the speakers).
     */
    static final List<String> RESULTS_CALL_WORDS = List.of("will", "'ll", "portal", "mychart");

    static boolean mayPromiseResults(String lower) {
        for (String word : RESULTS_CALL_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern PORTAL = Pattern.compile("\\b(?:portal|mychart)\\b");

    /** Where the first topic any advice line is written from is named in {@code text}, or -1. */
    static int firstTopicAt(String text) {
        int first = -1;
        for (Topic topic : TOPICS) {
            Matcher m = topic.pattern().matcher(text);
            if (m.find() && (first < 0 || m.start() < first)) {
                first = m.start();
            }
        }
        return first;
    }

    /** Each topic the advice names; advice no topic fits is left out rather than quoted. */
    static List<PlanDraft> education(String clause, PlanItem item) {
        List<PlanDraft> out = new ArrayList<>();
        for (Topic topic : TOPICS) {
            if (topic.pattern().matcher(clause).find()) {
                PlanDraft d = new PlanDraft(topic.text(), PlanSentences.Kind.EDUCATION, "edu:" + topic.text(), item.start(),
                        new Evidence(item.start(), item.end()), List.of());
                Matcher cast = CAST_KIND.matcher(clause);
                if (topic.text().equals(CAST) && cast.find()) {
                    d.text = Character.toUpperCase(cast.group(1).charAt(0)) + cast.group(1).substring(1) + " cast.";
                }
                if (topic.text().equals(ICE)) {
                    String how = howOften(clause);
                    if (!how.isEmpty()) {
                        d.text = "Advised ice" + how + ".";
                        d.rank = 1; // the fuller instruction wins when ice is said twice
                    }
                }
                out.add(d);
            }
        }
        return out;
    }

    private static final String ICE = "Advised ice.";
    private static final String CAST = "Cast.";
    /** The kind of cast, as said: "a long arm cast" is charted as such. */
    private static final Pattern CAST_KIND = Pattern.compile("\\b((?:long|short) (?:arm|leg)) cast\\b");
    private static final Pattern FOR_MINUTES = Pattern.compile("\\b(\\d{1,2}) (?:to (\\d{1,2}) )?minutes\\b");
    private static final Pattern TIMES_DAILY = Pattern.compile("\\b(\\d|once|twice)(?: (?:to|or) (\\d))?"
            + "(?: times?)? (?:a|per) day\\b");

    /** " for 20 minutes 3 to 4 times a day": how long and how often, as said with the ice. */
    private static String howOften(String clause) {
        int at = clause.indexOf("ice");
        String near = org.chartscribe.clinical.SpokenNumbers.withDigits(clause.substring(Math.max(0, at)));
        StringBuilder sb = new StringBuilder();
        Matcher minutes = FOR_MINUTES.matcher(near);
        if (minutes.find()) {
            sb.append(" for ").append(minutes.group(1)).append(minutes.group(2) == null ? "" : " to " + minutes.group(2))
                    .append(" minutes");
        }
        Matcher times = TIMES_DAILY.matcher(near);
        if (times.find()) {
            String n = times.group(1);
            sb.append(switch (n) {
                case "once", "1" -> times.group(2) == null ? " once a day" : " 1 to " + times.group(2) + " times a day";
                case "twice" -> " twice a day";
                default -> " " + n + (times.group(2) == null ? "" : " to " + times.group(2)) + " times a day";
            });
        }
        return sb.toString();
    }
}
