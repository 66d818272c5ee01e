package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.chartscribe.note.embedded.OrderConditions.Condition;
import org.junit.jupiter.api.Test;

class OrderConditionsTest {

    @Test
    void aTestSaidNotToBeNeededIsNotOrdered() {
        assertThat(OrderConditions.of("i don't think you need an ")).isEqualTo(Condition.NOT_NEEDED);
        assertThat(OrderConditions.of("we'll hold off on the ")).isEqualTo(Condition.NOT_NEEDED);
        // speech recognisers write "do n't" apart
        assertThat(OrderConditions.of("i do n't think you need an ")).isEqualTo(Condition.NOT_NEEDED);
        assertThat(OrderConditions.of("there's no need for an ")).isEqualTo(Condition.NOT_NEEDED);
    }

    @Test
    void aTestForWhenThingsDoNotImproveIsConsidered() {
        assertThat(OrderConditions.of("if it doesn't get better then we can get an ")).isEqualTo(Condition.IF_NO_BETTER);
        assertThat(OrderConditions.of("and if the pain persists i'd get an ")).isEqualTo(Condition.IF_NO_BETTER);
    }

    @Test
    void anotherConditionIsLeftOut() {
        assertThat(OrderConditions.of("if the scopes are both negative we'll do a ")).isEqualTo(Condition.OTHER_CONDITION);
    }

    @Test
    void aPlainOrderAndAConditionInAnEarlierSentenceOrder() {
        assertThat(OrderConditions.of("i'm going to order an ")).isEqualTo(Condition.ORDERED);
        assertThat(OrderConditions.of("call me if you have questions. i'm going to order an ")).isEqualTo(Condition.ORDERED);
        assertThat(OrderConditions.of("you don't need to worry. we'll get an ")).isEqualTo(Condition.ORDERED);
        assertThat(OrderConditions.of("i want to order some tests to rule out if there is a cause so first a renal artery "))
                .isEqualTo(Condition.ORDERED);
    }
}
