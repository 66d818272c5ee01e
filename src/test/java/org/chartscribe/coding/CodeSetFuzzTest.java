package org.chartscribe.coding;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chartscribe.FuzzBudget;

/**
 * An operator's code-set file (CHARTSCRIBE_ICD10_PATH, CHARTSCRIBE_CPT_PATH) is read at start-up: whatever it
 * holds, the loaders either load it or fail with {@link CodeSetFormatException} naming file and line, never
 * another exception. The bytes go through a real file, as the loaders read them.
 * Seeds: CodeSetFuzzTestInputs/icd10/ and CodeSetFuzzTestInputs/cpt/ (text files).
 */
class CodeSetFuzzTest {
    private static final Path DIR = tempDir();

    @DictionaryEntries({"00001 A00     0 Cholera", "00002 A000    1 ", "\\x09", "# fiscal-year: FY2026\\x0A", "code\\x09title\\x0A", "M54.50", "m5450"})
    @FuzzTest(maxDuration = FuzzBudget.PER_SMALL_TARGET)
    void icd10(byte[] file) throws Exception {
        FuzzBudget.inTime(() -> icd10Once(file));
    }

    private static void icd10Once(byte[] file) throws IOException {
        Path path = DIR.resolve("icd10cm_order_2026.txt");
        Files.write(path, file);
        try {
            Icd10CodeSet set = Icd10CodeSetLoader.load(path);
            assertThat(set.billableCount()).isPositive();
        } catch (CodeSetFormatException refused) {
            assertThat(refused.line()).isGreaterThanOrEqualTo(0);
        }
    }

    @DictionaryEntries({"99213\\x09", "0001F\\x09", "code\\x09description\\x0A", "#", "\\x09\\x09"})
    @FuzzTest(maxDuration = FuzzBudget.PER_SMALL_TARGET)
    void cpt(byte[] file) throws Exception {
        FuzzBudget.inTime(() -> cptOnce(file));
    }

    private static void cptOnce(byte[] file) throws IOException {
        Path path = DIR.resolve("cpt.tsv");
        Files.write(path, file);
        try {
            CptCodeSet set = CptCodeSet.load(path);
            assertThat(set.label()).isNotBlank();
        } catch (CodeSetFormatException refused) {
            assertThat(refused.line()).isGreaterThanOrEqualTo(0);
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("codeset-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
