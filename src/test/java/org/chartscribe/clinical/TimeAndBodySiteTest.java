package org.chartscribe.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.clinical.BodySite.Laterality;
import org.chartscribe.clinical.TimeExpression.Kind;
import org.junit.jupiter.api.Test;

class TimeAndBodySiteTest {

    private static List<String> times(String text) {
        return ClinicalExtractor.extract(text).times().stream()
                .map(t -> t.kind() + " " + (t.amount() == null ? "?" : t.amount().toPlainString()) + " " + t.unit()
                        + (t.anchor() == null ? "" : " " + t.anchor()))
                .toList();
    }

    @Test
    void durationsOnsetsAndAnchors() {
        assertThat(times("the cough has been going on for three weeks")).containsExactly("DURATION 3 week");
        assertThat(times("it started two days ago")).containsExactly("AGO 2 day");
        assertThat(times("I've had it since Monday")).containsExactly("SINCE ? null monday");
        assertThat(times("for the past few months")).containsExactly("DURATION ? month");
        assertThat(times("over the last couple of weeks")).containsExactly("DURATION 2 week");
    }

    @Test
    void exactSpan() {
        String text = "Pain for about 3 days now.";
        TimeExpression t = ClinicalExtractor.extract(text).times().get(0);
        assertThat(t.kind()).isEqualTo(Kind.DURATION);
        assertThat(text.substring(t.start(), t.end())).isEqualTo("for about 3 days");
    }

    @Test
    void timeTraps() {
        assertThat(times("follow up in 2 weeks")).isEmpty();          // an appointment, not a duration
        assertThat(times("take it for 10 mg")).isEmpty();
        assertThat(times("for a week")).containsExactly("DURATION 1 week");
    }

    private static List<String> sites(String text) {
        return ClinicalExtractor.extract(text).bodySites().stream()
                .map(s -> s.site() + (s.laterality() == null ? "" : " " + s.laterality())).toList();
    }

    @Test
    void sitesAndSides() {
        assertThat(sites("left knee and right shoulder")).containsExactly("knee LEFT", "shoulder RIGHT");
        assertThat(sites("bilateral ankles are swollen")).containsExactly("ankle BILATERAL");
        assertThat(sites("both hands go numb")).containsExactly("hand BILATERAL");
        assertThat(sites("pain in the hip on the right")).containsExactly("hip RIGHT");
        assertThat(sites("left-sided chest pain")).containsExactly("chest LEFT");
        // each digit is its own site: the finger decides the diagnosis and its code
        assertThat(sites("right middle finger and the left pinky")).containsExactly("middle finger RIGHT",
                "little finger LEFT");
        assertThat(sites("my big toe")).containsExactly("big toe");
        assertThat(BodySite.within("ring finger", "finger")).isTrue();
        assertThat(BodySite.within("finger", "ring finger")).isFalse();
        String text = "my Left lower leg";
        BodySite s = ClinicalExtractor.extract(text).bodySites().get(0);
        assertThat(s.laterality()).isEqualTo(Laterality.LEFT);
        assertThat(text.substring(s.start(), s.end())).isEqualTo("Left lower leg");
    }

    @Test
    void backIsABodyPartOnlyWhenItIsOne() {
        assertThat(sites("come back in two weeks")).isEmpty();
        assertThat(sites("I went back to work")).isEmpty();
        assertThat(sites("my back hurts")).containsExactly("back");
        assertThat(sites("back pain for a week")).containsExactly("back");
        assertThat(sites("lower back pain")).containsExactly("lower back");
    }

    @Test
    void theRightHandSideIsASideNotTheHand() {
        assertThat(sites("I had the pain on the right hand side")).isEmpty();
        assertThat(sites("it hurts on the left-hand side of my back")).containsExactly("back");
        assertThat(sites("my right hand is swollen")).containsExactly("hand RIGHT");
        assertThat(sites("pain in my jaw since the morning")).containsExactly("jaw");
        // a problem's name alone, without the other extractors
        assertThat(ClinicalExtractor.bodySites("Arthritis, Right Knee")).extracting(b -> b.site() + " " + b.laterality())
                .containsExactly("knee RIGHT");
    }
}
