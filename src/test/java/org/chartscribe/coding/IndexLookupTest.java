package org.chartscribe.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.chartscribe.note.BillingCodes.Diagnosis;
import org.junit.jupiter.api.Test;

/** Index-driven lookup on the built-in FY2025 release: main term, subterms, "see", NOS default, completion. */
class IndexLookupTest {

    private static final Icd10CodeSet SET = Icd10CodeSetLoader.builtin();
    private final IndexLookup lookup = new IndexLookup(SET, SET.index());

    private Optional<IndexLookup.Hit> find(String statement, Specificity.Side side) {
        return lookup.lookup(ClinicalTokens.of(statement), side);
    }

    @Test
    void subtermsForSiteThenTheTabularForTheSide() {
        IndexLookup.Hit hit = find("sprain of the wrist", Specificity.Side.RIGHT).orElseThrow();
        assertThat(hit.code()).isEqualTo("S63.501");
        assertThat(hit.path()).isEqualTo("Sprain -> wrist");
        assertThat(find("sprain of the wrist", Specificity.Side.LEFT).orElseThrow().code()).isEqualTo("S63.502");
        assertThat(find("sprain of the wrist", Specificity.Side.UNSPECIFIED).orElseThrow().code()).isEqualTo("S63.509");
    }

    @Test
    void theMainTermsOwnCodeIsTheDefaultWhenNothingMoreIsSaid() {
        assertThat(find("sinusitis", Specificity.Side.UNSPECIFIED).orElseThrow().code()).isEqualTo("J32.9");
        assertThat(find("acute sinusitis", Specificity.Side.UNSPECIFIED).orElseThrow().code()).isEqualTo("J01.90");
        assertThat(find("goiter", Specificity.Side.UNSPECIFIED).orElseThrow().code()).isEqualTo("E04.9");
    }

    @Test
    void wordOrderOfSpeechAndSeeReferences() {
        // "Syndrome -> sick sinus" is said "sick sinus syndrome"
        IndexLookup.Hit sss = find("sick sinus syndrome", Specificity.Side.UNSPECIFIED).orElseThrow();
        assertThat(sss.code()).isEqualTo("I49.5");
        // Cholelithiasis: see Calculus, gallbladder; "with cholecystitis" is a subterm there
        IndexLookup.Hit gallstones = find("cholelithiasis with cholecystitis", Specificity.Side.UNSPECIFIED).orElseThrow();
        assertThat(gallstones.code()).isEqualTo("K80.10");
        assertThat(gallstones.path()).startsWith("Calculus, calculi, calculous -> gallbladder");
    }

    @Test
    void eachWordOfTheStatementLeadsToOneSubtermOnly() {
        // "elevated" reaches "Cholesterol, elevated"; it does not also reach "with elevated (triglycerides)"
        IndexLookup.Hit hit = find("cholesterol is elevated", Specificity.Side.UNSPECIFIED).orElseThrow();
        assertThat(hit.code()).isEqualTo("E78.00");
        assertThat(hit.path()).isEqualTo("Cholesterol -> elevated");
    }

    @Test
    void wordsOfEverydaySpeechAreNotMainTerms() {
        assertThat(find("we will take care of him and see you at the follow-up", Specificity.Side.UNSPECIFIED)).isEmpty();
        assertThat(find("the kidneys look fine", Specificity.Side.UNSPECIFIED)).isEmpty();
    }

    @Test
    void theCoderUsesTheIndexForAProblemItsPhrasesDoNotKnowAndShowsThePath() {
        Icd10Coder coder = new Icd10Coder(SET);
        List<Diagnosis> out = coder.suggest("Assessment:\nSick sinus syndrome.\n", "[doctor] you have sick sinus syndrome.");
        assertThat(out).extracting(Diagnosis::code).containsExactly("I49.5");
        assertThat(out.get(0).rationale()).contains("Alphabetic Index: Syndrome -> sick -> sinus");
        assertThat(out.get(0).evidence()).isNotEmpty();
        // uncertain stays uncoded (guideline IV.H)
        assertThat(coder.suggest("Assessment:\nPossible sick sinus syndrome.\n", "[doctor] you may have a heart rhythm problem."))
                .extracting(Diagnosis::code).doesNotContain("I49.5");
    }
}
