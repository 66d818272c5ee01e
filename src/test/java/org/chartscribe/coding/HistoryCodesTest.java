package org.chartscribe.coding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistoryCodesTest {

    @Test
    void aCancerIsItsPersonalHistoryBySiteAndOtherCodesPassThrough() {
        assertThat(HistoryCodes.personal("C18.9")).isEqualTo("Z85.038");
        assertThat(HistoryCodes.personal("C50.911")).isEqualTo("Z85.3");
        assertThat(HistoryCodes.personal("C7A.00")).isEqualTo("Z85.9"); // a letter in the category is still malignant
        assertThat(HistoryCodes.personal("C49.9")).isEqualTo("Z85.9");   // no site row: unspecified
        assertThat(HistoryCodes.personal("D12.6")).isEqualTo("D12.6");   // a benign neoplasm is not a cancer history
        assertThat(HistoryCodes.personal("I10")).isEqualTo("I10");
    }

    @Test
    void aRelativesConditionHasAFamilyHistoryCodeOnlyWhereTheTableHasARow() {
        assertThat(HistoryCodes.family("C18.9")).contains("Z80.0");
        assertThat(HistoryCodes.family("E78.01")).contains("Z83.42");   // the longer prefix wins over E78
        assertThat(HistoryCodes.family("E78.5")).contains("Z83.438");
        assertThat(HistoryCodes.family("G43.909")).isEmpty();
    }
}
