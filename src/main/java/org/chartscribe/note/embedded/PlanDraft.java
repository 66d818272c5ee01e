package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.List;
import org.chartscribe.note.Evidence;

/** An item before it is attached: its sentence, key for duplicates, and what it may be attached by. */
final class PlanDraft {
    String text;
    final PlanSentences.Kind kind;
    final String key;
    final int at;
    final List<Evidence> evidence = new ArrayList<>();
    final List<String> indications;
    boolean command;
    int rank;
    String labDetail;
    /** For a medication: the verb's rank, the verb, the drug as said and its dosing, merged over mentions. */
    int verbRank;
    String verb;
    String drug;
    String dosing = "";

    void renderMedication() {
        boolean change = verb.equals("Increase") || verb.equals("Decrease") || verb.equals("Change");
        if (verb.equals("Adjust")) {
            text = dosing.isEmpty() ? "Adjust " + drug + " dose." : "Change " + drug + " to" + dosing + ".";
        } else if (verb.equals("Stop") || verb.equals("Avoid")) {
            text = verb + " " + drug + ".";
        } else {
            text = verb + " " + drug + (change && !dosing.isEmpty() ? " to" : "") + dosing + ".";
        }
    }

    PlanDraft(String text, PlanSentences.Kind kind, String key, int at, Evidence evidence, List<String> indications) {
        this.text = text;
        this.kind = kind;
        this.key = key;
        this.at = at;
        this.evidence.add(evidence);
        this.indications = indications;
    }
}
