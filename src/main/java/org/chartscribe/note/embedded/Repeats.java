package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fact is charted once: a sentence whose words all appear, in order, inside a longer sentence of the
 * same division is left out ("Hard to swallow." after "Chills and it is hard to swallow."), as is the
 * second of two sentences that read the same.
 */
final class Repeats {

    private Repeats() {}

    static List<Classified> withoutRepeats(List<Classified> items) {
        List<String> keys = items.stream().map(i -> key(i.text())).toList();
        List<Classified> kept = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!repeated(i, items, keys)) {
                kept.add(items.get(i));
            }
        }
        return kept;
    }

    private static boolean repeated(int i, List<Classified> items, List<String> keys) {
        String key = keys.get(i);
        if (key.isBlank()) {
            return false;
        }
        for (int j = 0; j < items.size(); j++) {
            if (j == i || items.get(j).part() != items.get(i).part()) {
                continue;
            }
            String other = keys.get(j);
            boolean same = other.equals(key);
            if (same ? j < i : other.length() > key.length() && other.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** Lowercase words between single spaces, padded so that containment respects word boundaries. */
    static String key(String text) {
        return " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip() + " ";
    }
}
