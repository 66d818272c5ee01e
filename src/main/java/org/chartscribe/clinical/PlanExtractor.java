package org.chartscribe.clinical;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.clinical.PlanItem.Type;

/**
 * Plan items from the clinician's clauses: medication changes, lab and imaging orders, referrals,
 * follow-up intervals and patient education. Every item spans its clause. A clause that gives
 * nothing more specific but recommends something is EDUCATION.
 */
final class PlanExtractor {

    private static final Pattern CONTINUE = Pattern.compile("\\b(?:continue|keep taking|keep you on|stay on|remain on|"
            + "refill|refilled)\\b");

    private PlanExtractor() {}

    static List<PlanItem> extract(NormalizedText nt, List<Clauses.Span> clauses, List<Medication> medications,
                                  IntPredicate clinicianAt) {
        String lower = nt.text();
        List<PlanItem> items = new ArrayList<>();
        for (Clauses.Span clause : clauses) {
            int start = nt.originalStart(clause.start());
            int end = nt.originalEnd(clause.end());
            if (!clinicianAt.test(end - 1)) { // the clause's last word: its start may be a speaker label
                continue;
            }
            String sentence = lower.substring(clause.start(), clause.end());
            int before = items.size();
            for (Medication m : medications) {
                if (m.start() >= start && m.end() <= end && isPlanned(m, sentence)) {
                    items.add(new PlanItem(Type.MEDICATION, m.name(), m, null, null, start, end));
                }
            }
            if (PlanCues.ordersSomething(sentence)) {
                for (PhraseMatcher.Match<TestCatalog.Test> t : TestCatalog.find(sentence)) {
                    Type type = t.value().kind() == TestResult.Kind.IMAGING ? Type.IMAGING_ORDER : Type.LAB_ORDER;
                    items.add(new PlanItem(type, t.value().name(), null, null, null, start, end));
                }
            }
            if (PlanCues.refers(sentence)) {
                Matcher s = PlanCues.SPECIALTY.matcher(sentence);
                while (s.find()) {
                    items.add(new PlanItem(Type.REFERRAL, PlanCues.specialty(s.group(1)), null, null, null, start, end));
                }
            }
            Matcher f = PlanCues.FOLLOW_UP.matcher(sentence);
            if (PlanCues.mayFollowUp(sentence) && f.find()) {
                String amount = f.group(1) != null ? f.group(1) : f.group(3);
                String unit = f.group(2) != null ? f.group(2) : f.group(4);
                items.add(new PlanItem(Type.FOLLOW_UP, null, null, amount(amount), singular(unit), start, end));
            } else if (PlanCues.followUpAsNeeded(sentence)) {
                items.add(new PlanItem(Type.FOLLOW_UP, null, null, null, null, start, end));
            }
            boolean advice = items.size() == before && PlanCues.advises(sentence)
                    || PlanCues.givesHomeCare(sentence);
            if (advice && !sentence.endsWith("?")) {
                items.add(new PlanItem(Type.EDUCATION, null, null, null, null, start, end));
            }
        }
        return List.copyOf(items.stream().distinct().toList()); // a run-on turn may name the same order twice
    }

    private static boolean isPlanned(Medication m, String sentence) {
        return switch (m.status()) {
            case STARTED, STOPPED, CHANGED -> true;
            case CONTINUED -> CONTINUE.matcher(sentence).find();
            default -> false;
        };
    }

    private static BigDecimal amount(String said) {
        return said.equals("one") ? BigDecimal.ONE : TimeExtractor.amount(said);
    }

    private static String singular(String unit) {
        return unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    }
}
