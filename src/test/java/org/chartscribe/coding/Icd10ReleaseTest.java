package org.chartscribe.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release format the build script writes, read from a small hand-written file. */
class Icd10ReleaseTest {

    @TempDir
    Path dir;

    private Path gz(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return Files.write(dir.resolve("release.tsv.gz"), bytes.toByteArray());
    }

    private static final String SMALL = """
            #release\tFY2031 (test)
            R\t1\tA=initial encounter|D=subsequent encounter|S=sequela
            C\tI10\tEssential (primary) hypertension
            C\tS63.501\tUnspecified sprain of right wrist\t1
            C\tT07\tUnspecified multiple injuries\t1
            I\t0\tSprain\t(joint) (ligament)\t\t\t
            I\t1\twrist\t\t\t\tS63.50-
            I\t2\tright\t\t\t\tS63.501
            I\t0\tHypertension, hypertensive\t(accelerated)\t\t\tI10
            I\t0\tHTN\t\tHypertension\t\t
            E\t0\tBite, bitten by\t\t\t\t
            E\t1\tdog\t\t\t\tW54.0
            """;

    @Test
    void expandsSeventhCharactersAndKeepsTheIndexPaths() throws Exception {
        Icd10CodeSet set = Icd10CodeSetLoader.load(gz(SMALL));
        assertThat(set.label()).isEqualTo("FY2031 (test, full code set with Alphabetic Index, 7 codes)");
        assertThat(set.title("S63.501A")).contains("Unspecified sprain of right wrist, initial encounter");
        assertThat(set.isBillable("T07.XXXD")).isTrue();
        assertThat(set.isBillable("S63.501")).isFalse();
        assertThat(set.exists("S63.5")).isTrue();
        AlphabeticIndex index = set.index();
        AlphabeticIndex.Term sprain = index.mainTerm("sprain").get(0);
        AlphabeticIndex.Term right = index.children(index.children(sprain).get(0)).get(0);
        assertThat(index.path(right)).isEqualTo("Sprain -> wrist -> right");
        assertThat(right.code()).isEqualTo("S63.501");
        assertThat(index.mainTerm("hypertensive")).extracting(AlphabeticIndex.Term::code).containsExactly("I10");
        assertThat(index.mainTerm("HTN").get(0).see()).isEqualTo("Hypertension");
        // the Index to External Causes is its own index: its terms are not main terms of the Alphabetic Index
        AlphabeticIndex causes = set.externalCauses();
        AlphabeticIndex.Term bite = causes.mainTerm("bite bitten by").get(0);
        assertThat(causes.children(bite)).extracting(AlphabeticIndex.Term::code).containsExactly("W54.0");
        assertThat(index.mainTerm("bite bitten by")).isEmpty();
    }

    @Test
    void theBuiltInReleaseCarriesTheIndexToExternalCauses() {
        assertThat(Icd10CodeSetLoader.builtin().externalCauses().size()).isGreaterThan(5_000);
    }

    @Test
    void malformedFilesNameTheLine() throws Exception {
        assertThatThrownBy(() -> Icd10CodeSetLoader.load(gz("#release\tFY2031\nC\tI10\n")))
                .isInstanceOf(CodeSetFormatException.class).hasMessageEndingWith(":2: expected at least 3 tab-separated fields");
        assertThatThrownBy(() -> Icd10CodeSetLoader.load(gz("#release\tFY2031\nC\tS63.501\tSprain\t9\n")))
                .hasMessageEndingWith(":2: unknown 7th-character table 9");
        assertThatThrownBy(() -> Icd10CodeSetLoader.load(gz("#release\tFY2031\nI\t2\tright\t\t\t\tS63.501\n")))
                .hasMessageEndingWith(":2: index level out of order");
        assertThatThrownBy(() -> Icd10CodeSetLoader.load(gz("C\tI10\tEssential hypertension\n")))
                .hasMessageEndingWith("no #release line");
        assertThatThrownBy(() -> Icd10CodeSetLoader.load(gz("#release\tFY2031\nZ\tx\n")))
                .hasMessageEndingWith(":2: unknown record type");
        byte[] truncated = Files.readAllBytes(gz(SMALL));
        Path cut = Files.write(dir.resolve("cut.gz"), java.util.Arrays.copyOf(truncated, truncated.length / 2));
        assertThatThrownBy(() -> Icd10CodeSetLoader.load(cut)).isInstanceOf(CodeSetFormatException.class)
                .hasMessageContaining("cannot be read");
    }
}
