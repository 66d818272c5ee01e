package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.clinical.BodySite;
import org.chartscribe.clinical.PlanItem;
import org.chartscribe.note.Evidence;
import org.chartscribe.transcript.Sentence;

/** Order and referral lines of the plan: labs, imaging with site, side and contrast, referrals. */
final class OrderPlanLines {

    private OrderPlanLines() {}

    private static final Pattern REPEAT = Pattern.compile("\\b(?:repeat|another|again|recheck|follow-up|follow up|new)\\b");
    private static final Pattern CONTRAST = Pattern.compile("\\b(with|without) contrast\\b");

    private static final Pattern SCREENING = Pattern.compile("^(?:mammogram|colonoscopy|bone density scan|pap smear|"
            + "dexa)$");

    /** Tests and the conditions they follow. */
    private static final Map<String, List<String>> TEST_INDICATIONS = Map.ofEntries(
            Map.entry("hemoglobin a1c", List.of("diabetes")), Map.entry("glucose", List.of("diabetes")),
            Map.entry("lipid panel", List.of("hyperlipidemia")), Map.entry("tsh", List.of("hypothyroidism",
                    "hyperthyroidism")), Map.entry("free t4", List.of("hypothyroidism", "hyperthyroidism")),
            Map.entry("echocardiogram", List.of("heart failure")), Map.entry("bnp", List.of("heart failure")),
            Map.entry("uric acid", List.of("gout")), Map.entry("psa", List.of("prostate")));

    private static final Pattern NOT_A_TEST = Pattern.compile("\\b(?:low|high|less|reduce|cut down on|watch)[- ]"
            + "(?:the |your )?(?:sodium|salt|sugar|glucose|potassium)");

    static PlanDraft lab(PlanItem item, String clause, Evidence evidence) {
        if (item.detail() == null || NOT_A_TEST.matcher(clause).find() && item.detail().matches("sodium|glucose|potassium")) {
            return null; // "a low sodium diet" orders no sodium level
        }
        PlanDraft d = new PlanDraft("Order " + ClinicalGrammar.term(item.detail()) + ".", PlanSentences.Kind.ORDER,
                "lab:" + item.detail(), evidence.start(), evidence,
                TEST_INDICATIONS.getOrDefault(item.detail(), List.of()));
        d.labDetail = item.detail();
        return d;
    }

    static PlanDraft referral(PlanItem item, Evidence evidence) {
        return item.detail() == null || item.detail().equals("specialist") ? null
                : new PlanDraft("Refer to " + ClinicalGrammar.term(item.detail()) + ".", PlanSentences.Kind.REFERRAL,
                "ref:" + item.detail(), evidence.start(), evidence, List.of());
    }

    static PlanDraft imaging(EncounterFacts facts, PlanItem item, String clause, Evidence evidence, ItemSpan span) {
        if (item.detail() == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder("Order ");
        int term = ItemSpan.termAt(clause, item.detail());
        String lead = term < 0 ? clause : clause.substring(Math.max(0, term - ItemSpan.TERM_REACH), term);
        if (REPEAT.matcher(lead).find()) {
            sb.append("repeat ");
        }
        sb.append(ClinicalGrammar.term(item.detail()));
        List<String> sites = new ArrayList<>();
        int from = span.start() + Math.max(0, term);
        int to = from + item.detail().length() + ItemSpan.TERM_REACH;
        for (BodySite site : facts.extraction().bodySites()) {
            if (term >= 0 && site.start() >= from && site.end() <= Math.min(to, span.end())
                    && !item.detail().contains(site.site())) {
                String named = (site.laterality() == null ? "" : site.laterality().name().toLowerCase(Locale.ROOT) + " ")
                        + site.site();
                if (!sites.contains(named)) {
                    sites.add(named);
                }
            }
        }
        if (!REPEAT.matcher(lead).find() && alreadyDone(facts, item, sites)) {
            return null; // "hey dragon, order a right shoulder x-ray" after reviewing that x-ray records it, orders nothing
        }
        if (!sites.isEmpty()) {
            sb.append(" of the ").append(ClinicalGrammar.list(sites));
        }
        Matcher contrast = CONTRAST.matcher(clause);
        if (contrast.find()) {
            sb.append(' ').append(contrast.group());
        }
        List<String> indications = SCREENING.matcher(item.detail()).find() ? List.of(ProblemList.HEALTH_MAINTENANCE)
                : TEST_INDICATIONS.getOrDefault(item.detail(), List.of());
        return new PlanDraft(sb + ".", PlanSentences.Kind.ORDER, "img:" + item.detail(), evidence.start(), evidence, indications);
    }

    /** Words that say a test's result is in hand: it was done and reviewed at or before this visit. */
    private static final Pattern RESULT_WORDS = Pattern.compile("\\b(?:showed|shows|show|showing|reviewed|looked at|"
            + "came back|results?|revealed|reveals|demonstrated|demonstrates|was (?:normal|negative|unremarkable|fine)|"
            + "(?:did ?n't|did not|does ?n't|does not) show|i see|we see|you can see)\\b");

    /**
     * Whether the clinician reviewed this test's result earlier in the visit (for the same site, when the
     * order names one): a test already done is not ordered again.
     */
    private static boolean alreadyDone(EncounterFacts facts, PlanItem item, List<String> sites) {
        for (Sentence s : facts.sentences()) {
            if (s.end() > item.start()) {
                break;
            }
            String lower = s.text().toLowerCase(Locale.ROOT);
            if (!ProblemList.clinician(s) || lower.contains("?") || ItemSpan.termAt(lower, item.detail()) < 0
                    || !RESULT_WORDS.matcher(lower).find()) {
                continue;
            }
            boolean sameSite = sites.isEmpty() || sites.stream()
                    .anyMatch(site -> lower.contains(site.substring(site.lastIndexOf(' ') + 1)));
            if (sameSite) {
                return true;
            }
        }
        return false;
    }
}
