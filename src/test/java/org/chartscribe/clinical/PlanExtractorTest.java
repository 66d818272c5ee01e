package org.chartscribe.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.clinical.PlanItem.Type;
import org.chartscribe.transcript.TranscriptParser;
import org.junit.jupiter.api.Test;

class PlanExtractorTest {

    private static List<String> plan(String text) {
        return ClinicalExtractor.extract(text).planItems().stream()
                .map(p -> p.type() + (p.detail() == null ? "" : " " + p.detail())
                        + (p.amount() == null ? "" : " " + p.amount().toPlainString() + " " + p.unit()))
                .toList();
    }

    @Test
    void eachKindOfItem() {
        assertThat(plan("I'm going to start you on amlodipine 5 mg daily.")).containsExactly("MEDICATION amlodipine");
        assertThat(plan("Let's get an A1c and a lipid panel.")).containsExactly("LAB_ORDER hemoglobin a1c", "LAB_ORDER lipid panel");
        assertThat(plan("I'll order an MRI of the knee.")).containsExactly("IMAGING_ORDER mri");
        assertThat(plan("I'm going to refer you to cardiology.")).containsExactly("REFERRAL cardiology");
        assertThat(plan("I want you to see a dermatologist.")).containsExactly("REFERRAL dermatology");
        assertThat(plan("I'd like to see you back in two weeks.")).containsExactly("FOLLOW_UP 2 week");
        assertThat(plan("Follow up in 3 months.")).containsExactly("FOLLOW_UP 3 month");
        assertThat(plan("I recommend ice and elevation for the swelling.")).containsExactly("EDUCATION");
    }

    @Test
    void followUpAndReferralSaidInOtherWords() {
        assertThat(plan("We're going to check you in two weeks to see how the bones heal.")).containsExactly("FOLLOW_UP 2 week");
        assertThat(plan("I want to reassess in 6 weeks.")).containsExactly("FOLLOW_UP 6 week");
        assertThat(plan("Now I am going to recommend physical therapy.")).containsExactly("REFERRAL physical therapy");
        assertThat(plan("I also recommend that you follow up with cardiology.")).containsExactly("REFERRAL cardiology");
        assertThat(plan("We'll get you into physical therapy next week.")).containsExactly("REFERRAL physical therapy");
        assertThat(plan("I'd like to refer you to genetic counseling.")).containsExactly("REFERRAL genetic counseling");
        assertThat(plan("Follow up with your family doctor about the rash.")).isEmpty(); // no specialty named
    }

    @Test
    void aDrugNamedAfterWellDoIsStarted() {
        assertThat(plan("For the pain we'll do Lortab 5 mg every 6 hours as needed.")).containsExactly("MEDICATION hydrocodone");
    }

    @Test
    void spanIsTheClause() {
        String text = "Hello. Continue the metformin. Bye.";
        PlanItem item = ClinicalExtractor.extract(text).planItems().get(0);
        assertThat(item.type()).isEqualTo(Type.MEDICATION);
        assertThat(item.medication().name()).isEqualTo("metformin");
        assertThat(text.substring(item.start(), item.end())).isEqualTo("Continue the metformin.");
    }

    @Test
    void onlyTheClinicianPlansInADialogue() {
        String dialogue = "[patient] I stopped the ibuprofen last week.\n[doctor] Okay, let's try naproxen instead.\n"
                + "[patient] Should I come back in a month?";
        assertThat(ClinicalExtractor.extract(TranscriptParser.parse(dialogue)).planItems())
                .extracting(PlanItem::detail).containsExactly("naproxen");
    }

    @Test
    void traps() {
        assertThat(plan("The pain started 2 weeks ago.")).isEmpty();
        assertThat(plan("She takes lisinopril.")).isEmpty();            // a current medication, not a plan
        assertThat(plan("Did the x-ray hurt?")).isEmpty();
        assertThat(plan("Do you exercise?")).isEmpty();                  // a question is not advice
    }
}
