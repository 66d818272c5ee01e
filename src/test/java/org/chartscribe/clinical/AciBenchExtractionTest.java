package org.chartscribe.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.chartscribe.transcript.TranscriptParser;
import org.junit.jupiter.api.Test;

/**
 * Runs the extractors over every ACI-Bench train and valid dialogue when the shared data sits next
 * to the project (read in place, never copied); skipped elsewhere. Checks robustness and that the
 * extractors find something in most real encounters; prints nothing from the data.
 */
class AciBenchExtractionTest {

    private static final Path DIR = Path.of("../shared/data/aci-bench/data/challenge_data");

    @Test
    void everyDialogueExtractsWithValidSpans() throws IOException {
        assumeTrue(Files.exists(DIR.resolve("train.csv")), "ACI-Bench not present: " + DIR.resolve("train.csv") + " (docs/EVALUATION.md, Reproducing these figures)");
        List<String> dialogues = new ArrayList<>();
        for (String file : List.of("train.csv", "valid.csv")) {
            try (Reader in = Files.newBufferedReader(DIR.resolve(file));
                 CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                for (CSVRecord r : csv) {
                    dialogues.add(r.get("dialogue"));
                }
            }
        }
        assertThat(dialogues).hasSizeGreaterThanOrEqualTo(87);
        int withMedication = 0;
        int withDiagnosis = 0;
        int withPlan = 0;
        for (String dialogue : dialogues) {
            Extraction x = ClinicalExtractor.extract(TranscriptParser.parse(dialogue));
            for (int[] s : ClinicalExtractorTest.spans(x)) {
                assertThat(s[0]).isGreaterThanOrEqualTo(0).isLessThan(s[1]);
                assertThat(s[1]).isLessThanOrEqualTo(dialogue.length());
            }
            withMedication += x.medications().isEmpty() ? 0 : 1;
            withDiagnosis += x.diagnoses().isEmpty() ? 0 : 1;
            withPlan += x.planItems().isEmpty() ? 0 : 1;
        }
        assertThat(withMedication).isGreaterThan(dialogues.size() / 2);
        assertThat(withDiagnosis).isGreaterThan(dialogues.size() * 3 / 4);
        assertThat(withPlan).isGreaterThan(dialogues.size() * 3 / 4);
    }
}
