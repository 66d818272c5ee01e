package org.chartscribe.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.coding.AssessmentStatements.Place;
import org.chartscribe.coding.FoundCode.Source;
import org.chartscribe.coding.SynonymTable.Kind;
import org.junit.jupiter.api.Test;

class FoundCodeTest {

    private static FoundCode found(Kind kind, Place place, Source source, boolean lostDetail) {
        return new FoundCode("I10", kind, place, 0, "hypertension", lostDetail, List.of(), source, List.of());
    }

    @Test
    void aProblemHeadingOutranksBodyTextAndTheNoteOutranksTheConversation() {
        FoundCode heading = found(Kind.DX, Place.HEADING, Source.NOTE, false);
        FoundCode body = found(Kind.DX, Place.BODY, Source.NOTE, false);
        FoundCode spoken = found(Kind.DX, Place.HEADING, Source.DIALOGUE, false);
        assertThat(FoundCode.better(body, heading)).isSameAs(heading);
        assertThat(FoundCode.better(spoken, heading)).isSameAs(heading);
        assertThat(FoundCode.group(found(Kind.ENCOUNTER, Place.REASON, Source.NOTE, false))).isZero();
    }

    @Test
    void confidenceDropsForSymptomsAndMissingDetailAndTheRationaleSaysWhy() {
        assertThat(FoundCode.confidence(found(Kind.DX, Place.HEADING, Source.NOTE, false), true)).isEqualTo(0.92);
        FoundCode vague = found(Kind.SYMPTOM, Place.BODY, Source.NOTE, true);
        assertThat(FoundCode.confidence(vague, false)).isEqualTo(0.5);
        assertThat(FoundCode.rationale(vague)).startsWith("\"hypertension\" is the assessment text")
                .contains("symptom with no confirmed diagnosis", "unspecified code used");
        assertThat(vague.toString()).doesNotContain("hypertension");
    }
}
