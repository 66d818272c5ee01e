package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chartscribe.note.SoapPart;

/**
 * Keeps a note about as long as a clinician's note of the same visit. Notes are far shorter than
 * the conversation, so the sentences carrying the least clinical content per word are left out
 * first until the note fits its word budget; the rest keep their spoken order.
 */
final class Condenser {

    /** Note words per transcript word: clinicians' notes run at about two fifths of the conversation. */
    private static final double RATIO = 0.42;
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
        int total = 0;
        for (Classified item : items) {
            total += words(item.text());
        }
        if (total <= budget) {
            return items;
        }
        List<Classified> byValue = new ArrayList<>(items);
        byValue.sort(Comparator.comparingDouble(Condenser::density));
        Set<Classified> dropped = new HashSet<>();
        for (Classified item : byValue) {
            if (total <= budget) {
                break;
            }
            dropped.add(item);
            total -= words(item.text());
        }
        return items.stream().filter(i -> !dropped.contains(i)).toList();
    }

    /** Clinical content per word, with the length penalty softened. */
    static double density(Classified item) {
        return item.informativeness() / Math.pow(Math.max(1, words(item.text())), LENGTH_PENALTY);
    }

    static int words(String text) {
        String t = text.trim();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
