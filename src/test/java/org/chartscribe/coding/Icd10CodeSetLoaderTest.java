package org.chartscribe.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Icd10CodeSetLoaderTest {

    @TempDir
    Path dir;

    @Test
    void builtInReleaseHasTheWholeCodeSetWithSeventhCharactersAndNamesItsRelease() {
        Icd10CodeSet set = Icd10CodeSetLoader.builtin();
        assertThat(set.billableCount()).isBetween(74_000, 75_000);
        assertThat(set.fiscalYear()).isEqualTo("FY2025");
        assertThat(set.label()).matches("FY2025 \\(April 2025 update, full code set with Alphabetic Index, 74,\\d{3} codes\\)");
        assertThat(set.title("I10")).contains("Essential (primary) hypertension");
        assertThat(set.title("s93401a")).contains("Sprain of unspecified ligament of right ankle, initial encounter");
        assertThat(set.isBillable("S93.401D")).isTrue();
        assertThat(set.isBillable("S93.401S")).isTrue();
        assertThat(set.isBillable("S93.401")).isFalse(); // needs its 7th character
        assertThat(set.exists("S93.401")).isTrue();
        assertThat(set.isBillable("T07.XXXA")).isTrue(); // placeholder X before the 7th character
        assertThat(set.title("S72.001B")).contains("Fracture of unspecified part of neck of right femur, initial encounter for open fracture type I or II");
        assertThat(set.isBillable("I1A.0")).isTrue(); // added in FY2024: newer than the FY2022 order file
        assertThat(set.isBillable("M54.5")).isFalse(); // a header since FY2022
        assertThat(set.exists("M54.5")).isTrue();
        assertThat(set.index().size()).isGreaterThan(80_000);
    }

    @Test
    void tabSeparatedFileWithTwoOrThreeColumns() throws Exception {
        Path two = Files.writeString(dir.resolve("codes_fy2024.tsv"), "# a comment\nI10\tEssential (primary) hypertension\nE119\tType 2 diabetes mellitus without complications\n");
        Icd10CodeSet set = Icd10CodeSetLoader.load(two);
        assertThat(set.billableCount()).isEqualTo(2);
        assertThat(set.isBillable("E11.9")).isTrue();
        assertThat(set.label()).isEqualTo("FY2024 (codes_fy2024.tsv, 2 codes)");

        Path three = Files.writeString(dir.resolve("x.tsv"), "code\tcode_dotted\tdescription\nA000\tA00.0\tCholera due to Vibrio cholerae 01, biovar cholerae\n");
        assertThat(Icd10CodeSetLoader.load(three).title("A00.0")).contains("Cholera due to Vibrio cholerae 01, biovar cholerae");
    }

    @Test
    void cdcOrderFileKeepsHeadersAsNonBillable() throws Exception {
        String order = orderLine(1, "A00", '0', "Cholera", "Cholera")
                + orderLine(2, "A000", '1', "Cholera due to Vibrio cholerae 01, biovar cholerae",
                "Cholera due to Vibrio cholerae 01, biovar cholerae")
                + orderLine(3, "M545", '0', "Low back pain", "Low back pain")
                + orderLine(4, "M5450", '1', "Low back pain, unspecified", "Low back pain, unspecified");
        Path file = Files.writeString(dir.resolve("icd10cm_order_2026.txt"), order);
        Icd10CodeSet set = Icd10CodeSetLoader.load(file);
        assertThat(set.billableCount()).isEqualTo(2);
        assertThat(set.exists("M54.5")).isTrue();
        assertThat(set.isBillable("M54.5")).isFalse();
        assertThat(set.isBillable("M54.50")).isTrue();
        assertThat(set.label()).isEqualTo("FY2026 (CDC order file icd10cm_order_2026.txt, 2 codes)");
    }

    @Test
    void malformedFilesFailWithFileAndLine() throws Exception {
        Path badCode = Files.writeString(dir.resolve("bad.tsv"), "I10\tEssential (primary) hypertension\nnot-a-code\tSomething\n");
        assertThatThrownBy(() -> Icd10CodeSetLoader.load(badCode))
                .isInstanceOf(CodeSetFormatException.class)
                .hasMessageContaining("bad.tsv:2")
                .satisfies(e -> assertThat(((CodeSetFormatException) e).line()).isEqualTo(2));

        Path badOrder = Files.writeString(dir.resolve("icd10cm_order_2026.txt"),
                orderLine(1, "A00", '0', "Cholera", "Cholera") + "00002 A000    X Cholera\n");
        assertThatThrownBy(() -> Icd10CodeSetLoader.load(badOrder)).hasMessageContaining("icd10cm_order_2026.txt:2");

        Path noTitle = Files.writeString(dir.resolve("t.tsv"), "I10\t\n");
        assertThatThrownBy(() -> Icd10CodeSetLoader.load(noTitle)).hasMessageContaining("t.tsv:1");
        assertThatThrownBy(() -> Icd10CodeSetLoader.load(dir.resolve("missing.tsv"))).isInstanceOf(CodeSetFormatException.class);

        Path csv = Files.writeString(dir.resolve("codes.csv"), "\"order_number\",\"icd10cm_code\"\n1,\"A00\"\n");
        assertThatThrownBy(() -> Icd10CodeSetLoader.load(csv)).hasMessageContaining("codes.csv:1")
                .hasMessageContaining("looks like CSV");
    }

    @Test
    void cptLicensedFileAndItsErrors() throws Exception {
        Path good = Files.writeString(dir.resolve("cpt.tsv"), "99213\tLicensed descriptor text\n");
        CptCodeSet cpt = CptCodeSet.load(good);
        assertThat(cpt.description("99213")).isEqualTo("Licensed descriptor text");
        assertThat(cpt.description("99214")).isEqualTo(CptCodeSet.BUILT_IN.get("99214"));
        assertThat(cpt.label()).contains("licensed file cpt.tsv (1 codes)");
        Path bad = Files.writeString(dir.resolve("cpt2.tsv"), "99213\tok\n9921\tshort code\n");
        assertThatThrownBy(() -> CptCodeSet.load(bad)).hasMessageContaining("cpt2.tsv:2");
    }

    /** A line of the CDC fixed-width order file: order 1-5, code 7-13, flag 15, short 17-76, long 78+. */
    private static String orderLine(int order, String code, char flag, String shortTitle, String longTitle) {
        return String.format("%05d %-7s %c %-60s %s%n", order, code, flag, shortTitle, longTitle);
    }
}
