package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.chartscribe.note.DraftNote;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Template;
import org.junit.jupiter.api.Test;

/** A dictation that assesses every problem first and then dictates one plan. */
class DictatedAssessmentAndPlanTest {

    private static final String DICTATION = "Seen today for follow-up of her asthma and GERD. She reports using her rescue "
            + "inhaler twice a week. Lungs are clear. Assessment: asthma, mild persistent, stable. GERD, improved. "
            + "Plan: continue fluticasone 110 mcg 2 puffs twice daily, continue omeprazole 20 mg daily, "
            + "spirometry in 6 months, return in 6 months.";

    @Test
    void aPlanDictatedAfterAllProblemsIsNotFiledUnderTheLastOne() {
        DraftNote note = EmbeddedNoteEngineTest.generate(DICTATION, "physician", Template.STANDARD);
        EmbeddedNoteEngineTest.assertGroundedAndValid(DICTATION, note);
        String plan = EmbeddedNoteEngineTest.text(note, SoapPart.PLAN);
        // nothing puts the inhaler under GERD, the last problem named; omeprazole goes there by what it treats
        assertThat(plan).doesNotContain("gerd:\n- continue fluticasone").contains("fluticasone 110 mcg")
                .contains("gerd:\n- continue omeprazole 20 mg daily.");
        String assessment = EmbeddedNoteEngineTest.text(note, SoapPart.ASSESSMENT);
        assertThat(assessment).contains("asthma", "gerd, improved").doesNotContain("gerd: gerd");
        assertThat(EmbeddedNoteEngineTest.text(note, SoapPart.SUBJECTIVE)).contains("follow-up of her asthma");
    }
}
