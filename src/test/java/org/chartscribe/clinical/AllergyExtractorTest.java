package org.chartscribe.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllergyExtractorTest {

    private static List<Allergy> allergies(String text) {
        return ClinicalExtractor.extract(text).allergies();
    }

    @Test
    void drugWithReactionAndExactSpan() {
        String text = "I'm allergic to Keflex, it gives me hives.";
        Allergy a = allergies(text).get(0);
        assertThat(a.substance()).isEqualTo("cephalexin");
        assertThat(a.reactions()).containsExactly("hives");
        assertThat(text.substring(a.start(), a.end())).isEqualTo("Keflex");
    }

    @Test
    void nonDrugSubstances() {
        assertThat(allergies("she has a latex allergy")).extracting(Allergy::substance).containsExactly("latex");
        assertThat(allergies("he is allergic to shellfish and his throat closes up"))
                .extracting(Allergy::substance, Allergy::reactions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("shellfish", List.of("anaphylaxis")));
        assertThat(allergies("sulfa allergy, rash")).extracting(Allergy::substance).containsExactly("sulfa");
    }

    @Test
    void noKnownAllergies() {
        for (String text : List.of("No known drug allergies.", "NKDA", "I'm not allergic to any medications.",
                "no allergies")) {
            assertThat(allergies(text)).as(text).singleElement().satisfies(a -> {
                assertThat(a.noKnownAllergies()).isTrue();
                assertThat(a.substance()).isNull();
            });
        }
    }

    @Test
    void traps() {
        assertThat(allergies("seasonal allergies are acting up")).isEmpty();      // not a substance allergy
        assertThat(allergies("I take Zyrtec for my allergies")).isEmpty();          // a treatment, not an allergen
        assertThat(allergies("I take ibuprofen for pain")).isEmpty();
        assertThat(allergies("have you had any problems with allergies?")).isEmpty();
        // a syndrome explained in general terms is not the patient's allergy
        assertThat(allergies("alpha-gal syndrome, the one where a tick bites you and you get an allergic reaction to meat"))
                .isEmpty();
    }
}
