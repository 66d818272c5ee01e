package org.chartscribe.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1 between a hypothesis and a reference, on {@link RougeTokenizer}
 * tokens. N-gram overlap counts are clipped (a repeated hypothesis n-gram counts at most as often as
 * it occurs in the reference). ROUGE-L is the plain (not summary-level) LCS over the whole token
 * sequences. When either side has no n-grams the F1 is 0, so an empty note scores 0, never NaN.
 */
public final class Rouge {

    /** F1 values in [0, 1]. */
    public record Scores(double rouge1, double rouge2, double rougeL) {}

    private Rouge() {}

    public static Scores score(String hypothesis, String reference) {
        List<String> hyp = RougeTokenizer.tokens(hypothesis);
        List<String> ref = RougeTokenizer.tokens(reference);
        return new Scores(ngramF1(hyp, ref, 1), ngramF1(hyp, ref, 2), lcsF1(hyp, ref));
    }

    static double ngramF1(List<String> hyp, List<String> ref, int n) {
        Map<String, Integer> hypCounts = ngrams(hyp, n);
        Map<String, Integer> refCounts = ngrams(ref, n);
        int hypTotal = Math.max(0, hyp.size() - n + 1);
        int refTotal = Math.max(0, ref.size() - n + 1);
        int overlap = 0;
        for (Map.Entry<String, Integer> e : hypCounts.entrySet()) {
            overlap += Math.min(e.getValue(), refCounts.getOrDefault(e.getKey(), 0));
        }
        return f1(overlap, hypTotal, refTotal);
    }

    static double lcsF1(List<String> hyp, List<String> ref) {
        return f1(lcsLength(hyp, ref), hyp.size(), ref.size());
    }

    /** Classic dynamic programme with two rows: O(n*m) time, O(m) memory (notes are a few thousand tokens). */
    static int lcsLength(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = x.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    private static Map<String, Integer> ngrams(List<String> tokens, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            // tokens never contain a space, so a space-joined key is unambiguous
            counts.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }

    private static double f1(int overlap, int hypTotal, int refTotal) {
        if (overlap == 0 || hypTotal == 0 || refTotal == 0) {
            return 0.0;
        }
        double precision = (double) overlap / hypTotal;
        double recall = (double) overlap / refTotal;
        return 2 * precision * recall / (precision + recall);
    }
}
