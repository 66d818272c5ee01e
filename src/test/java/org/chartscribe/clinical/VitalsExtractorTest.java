package org.chartscribe.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.clinical.Vital.Kind;
import org.junit.jupiter.api.Test;

class VitalsExtractorTest {

    private static List<Vital> vitals(String text) {
        return ClinicalExtractor.extract(text).vitals();
    }

    private static List<String> shown(String text) {
        return vitals(text).stream().map(v -> v.kind() + " " + v.display()).toList();
    }

    @Test
    void spokenBloodPressureWithExactSpan() {
        String text = "Your blood pressure today is one forty over ninety.";
        Vital bp = vitals(text).get(0);
        assertThat(bp.kind()).isEqualTo(Kind.BLOOD_PRESSURE);
        assertThat(bp.display()).isEqualTo("140/90 mmHg");
        assertThat(text.substring(bp.start(), bp.end())).isEqualTo("blood pressure today is one forty over ninety");
    }

    @Test
    void writtenVitalsLine() {
        assertThat(shown("Vitals: BP 128/82, HR 72, RR 16, temp 98.6 F, O2 sat 97% on room air, weight 182 lbs, BMI 27.4."))
                .containsExactly("BLOOD_PRESSURE 128/82 mmHg", "HEART_RATE 72 bpm", "RESPIRATORY_RATE 16 breaths/min",
                        "TEMPERATURE 98.6 F", "OXYGEN_SATURATION 97%", "WEIGHT 182 lb", "BMI 27.4 kg/m2");
    }

    @Test
    void spokenTemperatureAndSaturation() {
        assertThat(shown("her temperature was ninety eight point six and she's satting ninety six percent"))
                .containsExactly("TEMPERATURE 98.6 F", "OXYGEN_SATURATION 96%");
        assertThat(shown("fever of 38.5 celsius")).containsExactly("TEMPERATURE 38.5 C");
        assertThat(shown("she had a temperature of a hundred and two")).containsExactly("TEMPERATURE 102 F");
    }

    @Test
    void painScores() {
        assertThat(shown("it's like a six out of ten")).containsExactly("PAIN 6/10");
        assertThat(shown("pain is 7/10 today")).containsExactly("PAIN 7/10");
        assertThat(shown("my pain level is about a four")).containsExactly("PAIN 4/10");
    }

    @Test
    void heightInFeetAndInches() {
        assertThat(shown("he is 5 foot 10 and weighs 180 pounds")).containsExactly("HEIGHT 70 in", "WEIGHT 180 lb");
        assertThat(shown("she is five foot four")).containsExactly("HEIGHT 64 in");
    }

    @Test
    void traps() {
        assertThat(shown("pain is 6/10")).doesNotContain("BLOOD_PRESSURE 6/10 mmHg"); // a score, not a pressure
        assertThat(shown("pulse ox 97")).containsExactly("OXYGEN_SATURATION 97%"); // not a heart rate
        assertThat(shown("I've lost weight, about 10 pounds")).isEmpty();            // a change, not a weight
        assertThat(shown("norco 5/325 as needed")).isEmpty();                          // a combination dose
        assertThat(shown("on a scale of 1 to 10")).isEmpty();
        assertThat(shown("the pain has been there for 3 days")).isEmpty();
        assertThat(shown("I walked 5 feet")).isEmpty();
        assertThat(shown("blood pressure 90 over 140")).isEmpty();                    // diastolic above systolic
        assertThat(shown("temperature of 150")).isEmpty();
    }
}
