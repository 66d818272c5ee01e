package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Dictated plan lists separated by commas become one item per entry; clauses of one entry stay together. */
class PlanListTest {

    @Test
    void dictatedEntriesSeparatedByCommasAreItems() {
        assertThat(PlanList.split("Ibuprofen 400 mg 3 times daily with food, physical therapy referral, follow-up in 4 weeks."))
                .containsExactly("Ibuprofen 400 mg 3 times daily with food.", "Physical therapy referral.", "Follow-up in 4 weeks.");
        assertThat(PlanList.split("Start lisinopril 10 mg daily, BMP in 2 weeks."))
                .containsExactly("Start lisinopril 10 mg daily.", "BMP in 2 weeks.");
        assertThat(PlanList.split("Increase metformin to 1000 mg twice daily, start lisinopril 10 mg daily, BMP in 2 weeks."))
                .containsExactly("Increase metformin to 1000 mg twice daily.", "Start lisinopril 10 mg daily.", "BMP in 2 weeks.");
    }

    @Test
    void aCommaThatContinuesTheSameEntryDoesNotSplit() {
        assertThat(PlanList.split("Metformin 500 mg, twice daily with meals.")).containsExactly("Metformin 500 mg, twice daily with meals.");
        assertThat(PlanList.split("If the pain gets worse, come back.")).containsExactly("If the pain gets worse, come back.");
        assertThat(PlanList.split("Take ibuprofen as needed, up to 3 times a day."))
                .containsExactly("Take ibuprofen as needed, up to 3 times a day.");
        assertThat(PlanList.split("Ice, rest and elevation.")).containsExactly("Ice, rest and elevation.");
        assertThat(PlanList.split("Amoxicillin 500 mg, 3 times a day for 10 days."))
                .containsExactly("Amoxicillin 500 mg, 3 times a day for 10 days.");
    }

    @Test
    void objectsOfOneActionStayWithTheAction() {
        assertThat(PlanList.split("Continue lisinopril, metformin and atorvastatin."))
                .containsExactly("Continue lisinopril, metformin and atorvastatin.");
        assertThat(PlanList.split("Avoid lifting, bending and twisting.")).containsExactly("Avoid lifting, bending and twisting.");
    }
}
