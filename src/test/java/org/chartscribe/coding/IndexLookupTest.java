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

    @Test
    void mainTermsPrintedWithAPluralOrAConnectorAreFound() {
        // "Pain(s)", "Swelling (of)", "Alteration (of)": the modifier beside the term is no letter inserted in a word
        assertThat(find("swelling of the foot", Specificity.Side.UNSPECIFIED).orElseThrow().code()).isEqualTo("M79.89");
        assertThat(find("difficulty in walking", Specificity.Side.UNSPECIFIED).orElseThrow().code()).startsWith("R26");
        // "Cancer(o)phobia" flattened to "Cancer" + "(o)" still is no main term for "cancer"
        assertThat(find("cancer", Specificity.Side.UNSPECIFIED)).map(IndexLookup.Hit::code).isNotEqualTo(Optional.of("F45.29"));
    }

    @Test
    void painAndSwellingAloneSayTooLittleOnlyASubtermCodes() {
        assertThat(find("some pain", Specificity.Side.UNSPECIFIED)).isEmpty();
        assertThat(find("a bit of swelling", Specificity.Side.UNSPECIFIED)).isEmpty();
        assertThat(find("pain in the neck", Specificity.Side.UNSPECIFIED).orElseThrow().code()).isEqualTo("M54.2");
    }

    @Test
    void legAndArmReachTheLimbSubtermsAndTheTitleOfTheSiteSaid() {
        // "Pain, leg - see Pain, limb, lower": the Tabular's M79.60- then the left leg, not the left arm
        IndexLookup.Hit leg = find("aching pain in the leg", Specificity.Side.LEFT).orElseThrow();
        assertThat(leg.code()).isEqualTo("M79.605");
        assertThat(leg.path()).isEqualTo("Pain -> limb -> lower");
        assertThat(find("arm pain", Specificity.Side.RIGHT).orElseThrow().code()).isEqualTo("M79.601");
        // a calf is a lower leg, a thigh is itself; a finger is read again under the term referred to
        assertThat(find("pain in the calf", Specificity.Side.RIGHT).orElseThrow().code()).isEqualTo("M79.661");
        assertThat(find("thigh pain", Specificity.Side.LEFT).orElseThrow().code()).isEqualTo("M79.652");
        assertThat(find("finger pain", Specificity.Side.RIGHT).orElseThrow().code()).isEqualTo("M79.644");
        // "Swelling, leg" is the index's own row: no limb needed
        assertThat(find("swelling in his legs", Specificity.Side.UNSPECIFIED).orElseThrow().code()).isEqualTo("M79.89");
    }

    @Test
    void aSiteNamedOneLevelDownImpliesTheLevelBetween() {
        // "Pain, abdominal, lower, periumbilical" without "lower" said; generalized is a subterm of its own
        assertThat(find("periumbilical abdominal pain", Specificity.Side.UNSPECIFIED).orElseThrow().code()).isEqualTo("R10.33");
        assertThat(find("generalized abdominal pain", Specificity.Side.UNSPECIFIED).orElseThrow().code()).isEqualTo("R10.84");
        // only a position is implied: "Blood, pressure, high" is not reached from a high blood sugar
        assertThat(find("high blood sugar", Specificity.Side.UNSPECIFIED)).map(IndexLookup.Hit::code).isNotEqualTo(Optional.of("I10"));
    }

    @Test
    void aSiteWithTheIndexsSpecifiedNecNoteIsTheSite() {
        // "Ulcer, lower limb, foot specified NEC": the foot said is that row
        assertThat(find("ulcer on the right foot", Specificity.Side.RIGHT).orElseThrow().code()).isEqualTo("L97.519");
    }
}
