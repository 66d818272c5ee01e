package org.chartscribe.note.embedded;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.clinical.PlanItem;
import org.chartscribe.note.Evidence;

/** The follow-up line of the plan with its interval ("Follow up in 2 weeks."). */
final class FollowUpPlanLine {

    private FollowUpPlanLine() {}

    private static final Pattern VAGUE_INTERVAL = Pattern.compile("\\b(a couple(?: of)?|a few|several|couple(?: of)?|"
            + "few) (days|weeks|months)\\b");

    static PlanDraft followUp(PlanItem item, String clause, Evidence evidence) {
        String text;
        if (item.amount() == null || item.unit() == null) {
            text = "Follow up as needed.";
        } else {
            BigDecimal amount = item.amount().stripTrailingZeros();
            String unit = amount.compareTo(BigDecimal.ONE) == 0 ? item.unit() : item.unit() + "s";
            String number = amount.toPlainString();
            if (org.chartscribe.clinical.SpokenNumbers.withDigits(clause).matches("(?s).*\\b" + Pattern.quote(number)
                    + "\\b.*")) {
                text = "Follow up in " + number + " " + unit + ".";
            } else {
                Matcher vague = VAGUE_INTERVAL.matcher(clause); // "a couple of weeks": not a number to write
                if (!vague.find()) {
                    return null;
                }
                text = "Follow up in " + vague.group(1).replaceFirst("^couple", "a couple") + " " + vague.group(2) + ".";
            }
        }
        PlanDraft d = new PlanDraft(text, PlanSentences.Kind.FOLLOW_UP, "follow-up", evidence.start(), evidence, List.of());
        d.rank = item.amount() == null ? 0 : 1;
        return d;
    }
}
