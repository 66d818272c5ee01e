package org.chartscribe.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The eval command on the shared ACI-Bench and MTS-Dialog files, read in place when they sit next
 * to the project (never copied); skipped elsewhere. A few rows each keep it quick.
 */
class EvalOnSharedDataTest {

    private static final Path DATA = Path.of("../shared/data");

    private static List<String> eval(Path csv) {
        assumeTrue(Files.exists(csv), csv + " not present");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EvalCommand.run(new String[] {"--input", csv.toString(), "--limit", "4"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(EvalCommand.OK);
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aciBenchValid() {
        List<String> lines = eval(DATA.resolve("aci-bench/data/challenge_data/valid.csv"));
        assertThat(lines.get(1)).startsWith("D2N");
        assertThat(lines.get(lines.size() - 2)).matches(EvalCommandTest.SUMMARY).startsWith("n=4 ")
                .contains(" invented_facts=0 ");
        assertThat(lines.get(lines.size() - 1)).matches(EvalCommandTest.COPIED_SPEECH);
    }

    @Test
    void mtsDialogValidUsesSectionText() {
        List<String> lines = eval(DATA.resolve("mts-dialog/Main-Dataset/MTS-Dialog-ValidationSet.csv"));
        assertThat(lines.get(1)).startsWith("0 ");
        assertThat(lines.get(lines.size() - 2)).matches(EvalCommandTest.SUMMARY).startsWith("n=4 ");
        assertThat(lines.get(lines.size() - 1)).matches(EvalCommandTest.COPIED_SPEECH);
    }
}
