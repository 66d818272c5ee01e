package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One scan for several cue lists answers as each list's own scan would. */
class CueGroupsTest {

    private static final List<String> SENTENCES = List.of(
            "Her blood pressure is 130/80 and the lungs are clear.",
            "We'll start you on lisinopril and I want you to follow up in two weeks.",
            "I think this is a sprain, likely from the fall.",
            "She reports pain since Monday, denies fever.",
            "The x-ray showed no fracture; labs came back normal.",
            "Okay.",
            "",
            "a b c d",
            "I'm gonna examine your knee: tenderness over the medial joint line, range of motion intact.");

    @Test
    void groupsInSaysWhatAnySaysForEachGroup() {
        List<List<String>> groups = List.of(List.of("lungs", "clear"), List.of("follow up", "i want you to"),
                List.of("a", "likely"), List.of("x-ray", "labs "), List.of("never said anywhere"), List.of());
        Cues grouped = Cues.grouped(groups);
        for (String sentence : SENTENCES) {
            String lookup = Cues.lookup(sentence);
            long found = grouped.groupsIn(lookup);
            for (int g = 0; g < groups.size(); g++) {
                boolean alone = Cues.of(groups.get(g).toArray(String[]::new)).any(lookup);
                assertThat((found & 1L << g) != 0).as(g + " in " + sentence).isEqualTo(alone);
            }
        }
    }

    @Test
    void theClassificationRulesMatchInOneScanAsEachRuleDoesAlone() {
        List<String> sentences = new ArrayList<>(SENTENCES);
        for (ClassificationRules.Rule rule : ClassificationRules.CLINICIAN_RULES) {
            if (rule.cues() != null) {
                for (String phrase : rule.cues().phrases()) {
                    sentences.add("So " + phrase + " today.");
                    sentences.add(phrase);
                }
            }
        }
        for (String sentence : sentences) {
            String lookup = Cues.lookup(sentence);
            long matching = ClassificationRules.matching(lookup, sentence);
            for (int i = 0; i < ClassificationRules.CLINICIAN_RULES.size(); i++) {
                assertThat((matching & 1L << i) != 0).as(i + " in " + sentence)
                        .isEqualTo(ClassificationRules.CLINICIAN_RULES.get(i).matches(lookup, sentence));
            }
        }
    }
}
