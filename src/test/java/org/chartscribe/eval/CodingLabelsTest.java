package org.chartscribe.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodingLabelsTest {

    @TempDir
    Path temp;

    private Path file(String text) throws IOException {
        Path f = temp.resolve("labels.tsv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void readsIdsAndCodesInOrderSkippingCommentsAndBlankLines() throws Exception {
        CodingLabels labels = CodingLabels.read(file("\uFEFF# comment\n\nD2N001\tZ00.00 I11.0 I50.9\r\nD2N002\tm1990  E039\n"));
        assertThat(labels.size()).isEqualTo(2);
        assertThat(labels.codes("D2N001")).containsExactly("Z00.00", "I11.0", "I50.9");
        assertThat(labels.codes("D2N002")).as("undotted and lower case codes are normalised")
                .containsExactly("M19.90", "E03.9");
        assertThat(labels.codes("D2N999")).isEmpty();
    }

    @Test
    void readsTheProjectsAciLabels() throws Exception {
        CodingLabels labels = CodingLabels.read(Path.of("src/test/resources/coding/aci-labels.tsv"));
        assertThat(labels.size()).isGreaterThanOrEqualTo(40);
        assertThat(labels.codes("D2N001")).isNotEmpty();
    }

    @Test
    void malformedLinesNameTheFileAndTheLine() throws Exception {
        for (String[] bad : List.of(
                new String[] {"# h\nD2N001 I10\n", ":2: expected id<TAB>codes"},
                new String[] {"D2N001\tI10\tE11.9\n", ":1: expected id<TAB>codes"},
                new String[] {"D2N001\tI10\n\nD2N002\tI10 hypertension\n", ":3: not an ICD-10-CM code: 'hypertension'"},
                new String[] {"D2N001\tI10\nD2N001\tE11.9\n", ":2: duplicate id D2N001"},
                new String[] {"D2N001\t \n", ":1: "})) {
            Path f = file(bad[0]);
            assertThatThrownBy(() -> CodingLabels.read(f)).as(bad[0])
                    .isInstanceOf(EvalDataset.InvalidDatasetException.class)
                    .hasMessageContaining(f + bad[1]);
        }
    }

    @Test
    void emptyOrMissingFileIsAnError() throws Exception {
        Path empty = file("# only comments\n");
        assertThatThrownBy(() -> CodingLabels.read(empty)).hasMessageContaining("has no labels");
        assertThatThrownBy(() -> CodingLabels.read(temp.resolve("nope.tsv")))
                .hasMessageContaining("no such labels file").hasMessageContaining("nope.tsv");
    }
}
