package org.chartscribe.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The coder's rule tables are data files; these check that they load and that a bad row is named. */
class CodingRulesTest {

    @Test
    void theBuiltInTablesLoad() {
        assertThat(CodingRules.REFINEMENTS).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("E11.9");
            assertThat(r.refined()).isEqualTo("E11.65");
            assertThat(r.wording().matcher("Type 2 diabetes, poorly controlled").find()).isTrue();
            assertThat(r.wording().matcher("Type 2 diabetes, well controlled").find()).isFalse();
        });
        assertThat(CodingRules.COMBINATIONS).anySatisfy(c -> assertThat(c).isEqualTo(
                new CodingRules.Combination("I10", "I50", "I11.0", "hypertension with heart failure is presumed linked")));
        assertThat(CodingRules.CONFLICTS).anySatisfy(c -> assertThat(c).isEqualTo(
                new CodingRules.Conflict("R05", "J", "cough is integral to the respiratory diagnosis")));
        assertThat(CodingRules.CONFLICTS).hasSizeGreaterThan(80);
    }

    @Test
    void aRowThatCannotBeReadIsNamedByFileAndLine() {
        assertThatThrownBy(() -> CodingRules.conflicts("conflicts.tsv", "# comment\n\nR05\tJ\twhy\nR06\tJ4\n"))
                .isInstanceOf(CodeSetFormatException.class).hasMessage("conflicts.tsv:4: expected why");
        assertThatThrownBy(() -> CodingRules.refinements("refinements.tsv", "E11.9\t(unclosed\tE11.65\twhy\n"))
                .isInstanceOf(CodeSetFormatException.class).hasMessageStartingWith("refinements.tsv:1: wording is not a regular expression");
        assertThatThrownBy(() -> CodingRules.combinations("combinations.tsv", "I10\tI50\n"))
                .isInstanceOf(CodeSetFormatException.class).hasMessage("combinations.tsv:1: expected with");
    }
}
