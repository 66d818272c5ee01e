package org.chartscribe.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Prints the coder's recall on the labelled ACI-Bench encounters; skipped when the data set is absent. */
class AciCodingEvaluationTest {

    @Test
    void builtInSetOnReferenceAssessments() throws Exception {
        assumeTrue(Files.exists(AciCodingEvaluation.ACI.resolve("train.csv")), "ACI-Bench not present: " + AciCodingEvaluation.ACI.resolve("train.csv") + " (docs/EVALUATION.md, Reproducing these figures)");
        AciCodingEvaluation.Result r = AciCodingEvaluation.evaluate(Icd10CodeSetLoader.builtin(), false);
        System.out.println("built-in, reference assessments: " + r.line() + " invalid=" + r.invalid());
        assertThat(r.encounters()).isGreaterThanOrEqualTo(40);
        assertThat(r.invalid()).isZero();
        assertThat(r.top5()).isGreaterThanOrEqualTo(0.85);
        assertThat(r.top1()).isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void fullFy2022SetOnReferenceAssessments() throws Exception {
        assumeTrue(Files.exists(AciCodingEvaluation.FULL_FY2022), "ICD-10-CM FY2022 code file not present: " + AciCodingEvaluation.FULL_FY2022);
        assumeTrue(Files.exists(AciCodingEvaluation.ACI.resolve("train.csv")), "ACI-Bench not present: " + AciCodingEvaluation.ACI.resolve("train.csv") + " (docs/EVALUATION.md, Reproducing these figures)");
        Icd10CodeSet full = Icd10CodeSetLoader.load(AciCodingEvaluation.FULL_FY2022);
        AciCodingEvaluation.Result r = AciCodingEvaluation.evaluate(full, false);
        System.out.println("full FY2022, reference assessments: " + r.line() + " invalid=" + r.invalid());
        assertThat(r.invalid()).isZero();
        assertThat(r.top5()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void builtInSetOnEngineAssessments() throws Exception {
        assumeTrue(Files.exists(AciCodingEvaluation.ACI.resolve("train.csv")), "ACI-Bench not present: " + AciCodingEvaluation.ACI.resolve("train.csv") + " (docs/EVALUATION.md, Reproducing these figures)");
        for (String split : new String[] {"train", "valid"}) {
            AciCodingEvaluation.Result r = AciCodingEvaluation.evaluate(Icd10CodeSetLoader.builtin(), true, split);
            // End to end through the embedded engine's note and the transcript: recall is reported, not a
            // gate (it moves with the engine); validity and evidence are.
            System.out.println("built-in, embedded-engine notes, " + split + ": " + r.line() + " invalid=" + r.invalid());
            assertThat(r.invalid()).isZero();
            assertThat(r.withoutEvidence()).as("every suggestion points into the transcript").isZero();
        }
    }
}
