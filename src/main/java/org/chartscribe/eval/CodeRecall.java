package org.chartscribe.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Recall of suggested ICD-10-CM codes against labelled codes, accumulated over encounters.
 *
 * <ul>
 *   <li><b>top-1</b>: the share of labelled encounters whose first suggestion is one of the encounter's
 *       labelled codes (any of them, not only the principal one);</li>
 *   <li><b>top-5</b>: per-label recall at 5, micro-averaged: labelled codes found among the first five
 *       suggestions, divided by the number of labelled codes (at most five counted per encounter, so
 *       a perfect coder can reach 1.0);</li>
 *   <li><b>main_first</b>: the share of labelled encounters whose first suggestion is the labelled
 *       <em>principal</em> code (the first one on the label line): how well the coder sequences the
 *       condition chiefly responsible for the visit first (outpatient guideline IV.G);</li>
 *   <li><b>invalid</b>: suggested codes (all of them, not only the first five) that are not billable
 *       codes of the loaded code set; must be 0;</li>
 *   <li><b>labels_not_in_set</b>: labelled codes the loaded set does not hold as billable (no coder
 *       restricted to that set can find them; e.g. codes newer than an older release).</li>
 * </ul>
 * An encounter with no suggestion counts as a miss for both recalls. This is the definition
 * {@code AciCodingEvaluation} (test scope) uses.
 */
public final class CodeRecall {

    static final int K = 5;

    private final Predicate<String> billable;
    private int encounters;
    private int firstHits;
    private int mainFirst;
    private int found;
    private int expected;
    private int invalid;
    private int labelsNotInSet;

    /** @param billable whether a code is a billable code of the loaded set */
    public CodeRecall(Predicate<String> billable) {
        this.billable = billable;
    }

    /** Adds one encounter; returns whether it was coded perfectly (first code right, all labels in the top five). */
    public boolean add(List<String> suggested, List<String> labelled) {
        encounters++;
        invalid += (int) suggested.stream().filter(billable.negate()).count();
        labelsNotInSet += (int) labelled.stream().filter(billable.negate()).count();
        boolean first = !suggested.isEmpty() && labelled.contains(suggested.get(0));
        firstHits += first ? 1 : 0;
        mainFirst += !suggested.isEmpty() && !labelled.isEmpty() && labelled.get(0).equals(suggested.get(0)) ? 1 : 0;
        Set<String> top = new HashSet<>(suggested.subList(0, Math.min(K, suggested.size())));
        int hits = (int) labelled.stream().filter(top::contains).count();
        int wanted = Math.min(K, labelled.size());
        found += Math.min(hits, wanted);
        expected += wanted;
        return first && hits >= wanted;
    }

    public int encounters() {
        return encounters;
    }

    public double top1() {
        return encounters == 0 ? 0 : (double) firstHits / encounters;
    }

    public double mainFirst() {
        return encounters == 0 ? 0 : (double) mainFirst / encounters;
    }

    public double top5() {
        return expected == 0 ? 0 : (double) found / expected;
    }

    public int invalid() {
        return invalid;
    }

    public int labelsNotInSet() {
        return labelsNotInSet;
    }

    /** {@code icd10_top1=0.600 icd10_top5=0.850 icd10_invalid=0 labelled=40 labels_not_in_set=0 icd10_main_first=0.550}. */
    public String line() {
        return String.format(Locale.ROOT,
                "icd10_top1=%.3f icd10_top5=%.3f icd10_invalid=%d labelled=%d labels_not_in_set=%d icd10_main_first=%.3f",
                top1(), top5(), invalid, encounters, labelsNotInSet, mainFirst());
    }
}
