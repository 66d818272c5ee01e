package org.chartscribe.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeRecallTest {

    private static final Set<String> BILLABLE = Set.of("I10", "E11.9", "J45.20", "R05.9", "M54.50", "Z00.00", "E78.5",
            "K21.9", "F32.A", "G47.33", "N39.0");

    @Test
    void topOneIsTheFirstSuggestionAmongTheLabelsAndTopFiveIsPerLabelRecall() {
        CodeRecall recall = new CodeRecall(BILLABLE::contains);
        // first right, both labels in the top five
        assertThat(recall.add(List.of("I10", "E11.9"), List.of("I10", "E11.9"))).isTrue();
        // first is a labelled code but not the principal one: still a top-1 hit; J45.20 missed
        assertThat(recall.add(List.of("E11.9", "R05.9"), List.of("J45.20", "E11.9"))).isFalse();
        // nothing suggested: a miss for both
        assertThat(recall.add(List.of(), List.of("M54.50"))).isFalse();
        // the label is sixth: outside the top five
        recall.add(List.of("Z00.00", "E78.5", "K21.9", "F32.A", "G47.33", "N39.0"), List.of("N39.0"));
        assertThat(recall.encounters()).isEqualTo(4);
        assertThat(recall.top1()).isCloseTo(2 / 4.0, within(1e-9));
        assertThat(recall.top5()).isCloseTo(3 / 6.0, within(1e-9));
        assertThat(recall.invalid()).isZero();
        // only the first encounter has its principal code first (the second's first is a secondary label)
        assertThat(recall.mainFirst()).isCloseTo(1 / 4.0, within(1e-9));
        assertThat(recall.line()).isEqualTo(
                "icd10_top1=0.500 icd10_top5=0.500 icd10_invalid=0 labelled=4 labels_not_in_set=0 icd10_main_first=0.250");
    }

    @Test
    void atMostFiveLabelsCountPerEncounter() {
        CodeRecall recall = new CodeRecall(c -> true);
        recall.add(List.of("A", "B", "C", "D", "E"), List.of("A", "B", "C", "D", "E", "F", "G"));
        assertThat(recall.top5()).isEqualTo(1.0);
    }

    @Test
    void countsSuggestionsAndLabelsOutsideTheLoadedSet() {
        CodeRecall recall = new CodeRecall(BILLABLE::contains);
        recall.add(List.of("I10", "I50.9", "X99.9", "E11.9", "R05.9", "M54.50", "I11.0"), List.of("I10", "S83.511A"));
        assertThat(recall.invalid()).as("every suggestion counts, not only the first five").isEqualTo(3);
        assertThat(recall.labelsNotInSet()).isEqualTo(1);
    }

    @Test
    void noEncounterScoresZero() {
        assertThat(new CodeRecall(c -> true).line()).startsWith("icd10_top1=0.000 icd10_top5=0.000 ");
    }
}
