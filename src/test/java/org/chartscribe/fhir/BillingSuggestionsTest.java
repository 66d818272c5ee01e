package org.chartscribe.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.note.BillingCodes;
import org.chartscribe.note.Evidence;
import org.junit.jupiter.api.Test;

class BillingSuggestionsTest {

    @Test
    void notRequestedMeansNone() {
        assertThat(BillingSuggestions.from(null)).isEqualTo(BillingSuggestions.NONE);
    }

    @Test
    void carriesDiagnosesInOrderAndCptModifiers() {
        BillingCodes codes = new BillingCodes(
                List.of(new BillingCodes.Diagnosis("M54.50", "Low back pain, unspecified", 0.8,
                                List.of(new Evidence(3, 9)), "stated"),
                        new BillingCodes.Diagnosis("I10", "Essential (primary) hypertension", 0.6, List.of(), "stated")),
                List.of(new BillingCodes.Procedure("99214", "Office visit, established, moderate", 0.7, "MDM",
                                List.of("25", "95")),
                        new BillingCodes.Procedure("20610", "Large joint injection", 0.6, "stated")),
                new BillingCodes.CodeSets("test", "test"));

        BillingSuggestions suggestions = BillingSuggestions.from(codes);

        assertThat(suggestions.diagnoses()).extracting(Icd10Suggestion::code).containsExactly("M54.50", "I10");
        assertThat(suggestions.diagnoses().get(0).evidence()).containsExactly(new Evidence(3, 9));
        assertThat(suggestions.procedures().get(0).code()).isEqualTo("99214");
        assertThat(suggestions.procedures().get(0).modifiers()).containsExactly("25", "95");
        assertThat(suggestions.procedures().get(1).modifiers()).isEmpty();
    }
}
