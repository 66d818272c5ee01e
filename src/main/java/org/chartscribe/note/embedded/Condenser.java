package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.chartscribe.note.SoapPart;

/**
 * Keeps a note about as long as a clinician's note of the same visit. Notes are far shorter than
 * the conversation, so the sentences carrying the least clinical content per word are left out
 * first until the note fits its word budget; the rest keep their spoken order.
 */
final class Condenser {

    /** Note words per transcript word: clinicians' notes run at a bit over a third of the conversation. */
    private static final double RATIO = 0.38;
    /** Short transcripts keep everything up to this many words. */
    private static final int MIN_BUDGET = 250;
    /** Below 1, so that a long sentence with several facts is not ranked below a short one with one. */
    private static final double LENGTH_PENALTY = 0.5;

    private Condenser() {}

    static List<Classified> condense(List<Classified> items, int transcriptWords) {
        return toBudget(items, Math.max(MIN_BUDGET, (int) (transcriptWords * RATIO)));
    }

    /** The items without the least dense ones, until at most {@code budget} words remain. */
    static List<Classified> toBudget(List<Classified> items, int budget) {
        int[] words = new int[items.size()];
        int total = 0;
        for (int i = 0; i < items.size(); i++) {
            words[i] = words(items.get(i).text());
            total += words[i];
        }
        if (total <= budget) {
            return items;
        }
        Integer[] byValue = new Integer[items.size()];
        double[] density = new double[items.size()];
        for (int i = 0; i < items.size(); i++) {
            byValue[i] = i;
            Classified item = items.get(i);
            density[i] = namesAProblem(item) ? Double.MAX_VALUE
                    : item.informativeness() / Math.pow(Math.max(1, words[i]), LENGTH_PENALTY) * weight(item);
        }
        Arrays.sort(byValue, Comparator.comparingDouble(i -> density[i]));
        boolean[] dropped = new boolean[items.size()];
        for (int i : byValue) {
            if (total <= budget) {
                break;
            }
            dropped[i] = true;
            total -= words[i];
        }
        List<Classified> kept = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!dropped[i]) {
                kept.add(items.get(i));
            }
        }
        return kept;
    }

    /** "From a diabetes standpoint, ...": kept, as it decides which problem the following plan belongs to. */
    private static boolean namesAProblem(Classified item) {
        return (item.part() == SoapPart.ASSESSMENT || item.part() == SoapPart.PLAN)
                && ProblemGrouper.label(item.text()).isPresent();
    }

    /**
     * Examination findings and the clinician's judgement are what a note is for; history told in
     * conversation is wordier than what a clinician writes of it. Relative worth per division.
     */
    private static double weight(Classified item) {
        return switch (item.part()) {
            case SUBJECTIVE -> 0.9;
            case OBJECTIVE, ASSESSMENT -> 1.25;
            case PLAN -> 1.0;
        };
    }

    /** Words separated by white space, counted without splitting (transcripts are long). */
    static int words(String text) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean word = !Character.isWhitespace(text.charAt(i));
            if (word && !in) {
                n++;
            }
            in = word;
        }
        return n;
    }
}
