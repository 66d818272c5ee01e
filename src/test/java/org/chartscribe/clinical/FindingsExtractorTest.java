package org.chartscribe.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindingsExtractorTest {

    private static Optional<Finding> finding(String text, String name) {
        return ClinicalExtractor.extract(text).findings().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private static Assertion assertion(String text, String name) {
        return finding(text, name).orElseThrow(() -> new AssertionError(name + " not found in: " + text)).assertion();
    }

    @Test
    void synonymsMapToCanonicalNamesWithExactSpans() {
        String text = "I get short of breath on the stairs.";
        Finding f = finding(text, "shortness of breath").orElseThrow();
        assertThat(text.substring(f.start(), f.end())).isEqualTo("short of breath");
        assertThat(f.assertion().affirmed()).isTrue();
    }

    @Test
    void negationScopeCoversAListAndStopsAtBut() {
        String text = "She denies fever, chills, or night sweats but reports a cough.";
        assertThat(assertion(text, "fever").negated()).isTrue();
        assertThat(assertion(text, "chills").negated()).isTrue();
        assertThat(assertion(text, "night sweats").negated()).isTrue();
        assertThat(assertion(text, "cough").negated()).isFalse();
    }

    @Test
    void postNegationAndPseudoNegation() {
        assertThat(assertion("The swelling has resolved.", "swelling").negated()).isTrue();
        assertThat(assertion("No change in the swelling.", "swelling").negated()).isFalse(); // pseudo-trigger
        assertThat(assertion("Not only pain but numbness too.", "pain").negated()).isFalse();
    }

    @Test
    void historicalFamilyHypotheticalUncertain() {
        assertThat(assertion("My mother had seizures.", "seizure").family()).isTrue();
        assertThat(assertion("History of migraines.", "headache").historical()).isTrue();
        assertThat(assertion("I had vertigo years ago.", "dizziness").historical()).isTrue();
        assertThat(assertion("Call me if you develop a fever.", "fever").hypothetical()).isTrue();
        assertThat(assertion("Possible effusion in the knee.", "effusion").uncertain()).isTrue();
    }

    @Test
    void questionsTakeTheirPolarityFromTheAnswer() {
        String dialogue = "[doctor] Any nausea or vomiting?\n[patient] No.\n[doctor] Any headaches?\n[patient] Yeah, a few.\n"
                + "[doctor] And dizziness?\n[doctor] Let's check your ears.";
        assertThat(assertion(dialogue, "nausea")).extracting(Assertion::negated, Assertion::asked).containsExactly(true, true);
        assertThat(assertion(dialogue, "vomiting").negated()).isTrue();
        assertThat(assertion(dialogue, "headache").affirmed()).isTrue();
        assertThat(assertion(dialogue, "dizziness").uncertain()).isTrue(); // never answered
    }

    @Test
    void bodySiteAndLaterality() {
        Finding f = finding("He has pain in his left knee.", "pain").orElseThrow();
        assertThat(f.site().site()).isEqualTo("knee");
        assertThat(f.site().laterality()).isEqualTo(BodySite.Laterality.LEFT);
    }

    @Test
    void traps() {
        assertThat(ClinicalExtractor.extract("Your body mass index is 31.").findings()).isEmpty();
        assertThat(ClinicalExtractor.extract("I can't fall asleep at night.").findings()).extracting(Finding::name)
                .doesNotContain("falls");
        assertThat(ClinicalExtractor.extract("Any side effects from the pain medication?").findings()).isEmpty();
        // the negation ends with its sentence
        assertThat(assertion("No fever. Cough for a week.", "cough").negated()).isFalse();
        // "I have" ends a family scope
        assertThat(assertion("My father has diabetes and I have chest pain.", "chest pain").family()).isFalse();
        List<Finding> all = ClinicalExtractor.extract("started two days ago").findings();
        assertThat(all).isEmpty();
    }

    @Test
    void anOrganNamedInAConditionIsNotWhereItHurts() {
        assertThat(finding("It is the same pain I had with kidney stones.", "pain").orElseThrow().site()).isNull();
        assertThat(finding("I have pain in my right kidney area.", "pain").orElseThrow().site().site()).isEqualTo("kidney");
    }

    @Test
    void aRecognisersSplitNegationNegatesToo() {
        assertThat(assertion("I do n't think I've ever had heartburn.", "heartburn").negated()).isTrue();
        assertThat(assertion("I have n't had any fever.", "fever").negated()).isTrue();
        assertThat(assertion("She does n't have chills.", "chills").negated()).isTrue();
    }
}
