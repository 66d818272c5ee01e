package org.chartscribe.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.chartscribe.transcript.TranscriptParser;
import org.junit.jupiter.api.Test;

class ClinicalExtractorTest {

    static final String VISIT = """
            [doctor] hi, what brings you in today?
            [patient] my left knee has been hurting for about three weeks. it's like a six out of ten.
            [doctor] any swelling?
            [patient] no.
            [doctor] are you taking anything for it?
            [patient] advil, two hundred milligrams twice a day. i'm allergic to penicillin, i get hives.
            [doctor] your blood pressure is one thirty two over eighty four and your heart rate is seventy two.
            [doctor] on exam there is tenderness over the medial joint line of the left knee.
            [doctor] i think this is a medial meniscus tear. i'll order an mri of the left knee.
            [doctor] let's stop the advil and start meloxicam 15 mg once a day.
            [doctor] i'm going to refer you to orthopedics, and i'd like to see you back in four weeks.
            """;

    /** Every record's [start, end) as pairs, for the bounds check. */
    static List<int[]> spans(Extraction x) {
        List<int[]> spans = new ArrayList<>();
        x.vitals().forEach(v -> spans.add(new int[] {v.start(), v.end()}));
        x.medications().forEach(v -> spans.add(new int[] {v.start(), v.end()}));
        x.allergies().forEach(v -> spans.add(new int[] {v.start(), v.end()}));
        x.findings().forEach(v -> spans.add(new int[] {v.start(), v.end()}));
        x.bodySites().forEach(v -> spans.add(new int[] {v.start(), v.end()}));
        x.times().forEach(v -> spans.add(new int[] {v.start(), v.end()}));
        x.results().forEach(v -> spans.add(new int[] {v.start(), v.end()}));
        x.diagnoses().forEach(v -> spans.add(new int[] {v.start(), v.end()}));
        x.planItems().forEach(v -> spans.add(new int[] {v.start(), v.end()}));
        return spans;
    }

    @Test
    void aWholeVisit() {
        Extraction x = ClinicalExtractor.extract(TranscriptParser.parse(VISIT));
        assertThat(x.vitals()).extracting(Vital::display).containsExactly("6/10", "132/84 mmHg", "72 bpm");
        assertThat(x.medications()).extracting(Medication::display, Medication::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ibuprofen 200 mg twice daily", Medication.Status.MENTIONED),
                org.assertj.core.groups.Tuple.tuple("ibuprofen", Medication.Status.STOPPED),
                org.assertj.core.groups.Tuple.tuple("meloxicam 15 mg daily", Medication.Status.STARTED));
        assertThat(x.allergies()).extracting(Allergy::substance, Allergy::reactions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("penicillin", List.of("hives")));
        assertThat(x.findings()).filteredOn(f -> f.name().equals("swelling")).singleElement()
                .satisfies(f -> assertThat(f.assertion().negated()).isTrue());
        assertThat(x.times()).extracting(t -> t.amount().toPlainString() + " " + t.unit()).containsExactly("3 week");
        assertThat(x.diagnoses()).extracting(Diagnosis::phrase).containsExactly("medial meniscus tear");
        assertThat(x.planItems()).extracting(p -> p.type() + " " + p.detail()).containsExactly(
                "IMAGING_ORDER mri", "MEDICATION ibuprofen", "MEDICATION meloxicam", "REFERRAL orthopedics",
                "FOLLOW_UP null");
        assertThat(x.planItems().get(4).amount()).hasToString("4");
        for (int[] s : spans(x)) {
            assertThat(s[0]).isGreaterThanOrEqualTo(0).isLessThan(s[1]);
            assertThat(s[1]).isLessThanOrEqualTo(VISIT.length());
        }
    }

    @Test
    void recordsAreImmutableAndToStringHasNoContent() {
        Extraction x = ClinicalExtractor.extract(VISIT);
        assertThatThrownBy(() -> x.medications().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(x.toString()).doesNotContain("meloxicam", "knee").contains("medications=");
    }

    @Test
    void emptyAndOddInput() {
        Extraction empty = ClinicalExtractor.extract("");
        assertThat(spans(empty)).isEmpty();
        assertThat(spans(ClinicalExtractor.extract("??? ... \n\n one two three İstanbul ß 💊"))).allSatisfy(s ->
                assertThat(s[0]).isLessThan(s[1]));
    }
}
