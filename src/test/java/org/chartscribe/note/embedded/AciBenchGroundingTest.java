package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Template;
import org.chartscribe.transcript.Sentence;
import org.chartscribe.transcript.TranscriptParser;
import org.junit.jupiter.api.Test;

/**
 * Runs the engine on every ACI-Bench train and valid dialogue when the shared data set sits next to
 * the project (it is read in place, never copied). Skipped elsewhere.
 */
class AciBenchGroundingTest {

    private static final Path DIR = Path.of("../shared/data/aci-bench/data/challenge_data");

    @Test
    void everyDialogueGivesAGroundedNoteWithValidEvidence() throws IOException {
        Path train = DIR.resolve("train.csv");
        assumeTrue(Files.exists(train), "ACI-Bench not present: " + train + " (docs/EVALUATION.md, Reproducing these figures)");
        List<Map<String, String>> rows = new ArrayList<>(read(train));
        if (Files.exists(DIR.resolve("valid.csv"))) {
            rows.addAll(read(DIR.resolve("valid.csv")));
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(67);
        EmbeddedNoteEngine engine = new EmbeddedNoteEngine();
        for (Map<String, String> row : rows) {
            String dialogue = row.get("dialogue");
            for (Sentence s : TranscriptParser.parse(dialogue).sentences()) {
                assertThat(dialogue.substring(s.start(), s.end())).isEqualTo(s.text());
            }
            for (Template template : List.of(Template.STANDARD, Template.PROBLEM_ORIENTED)) {
                DraftNote note = engine.generate(new NoteRequest(dialogue, Specialties.generic(), template, false, null));
                EmbeddedNoteEngineTest.assertGroundedAndValid(dialogue, note);
            }
        }
    }

    @Test
    void everyMtsDialogDialogueGivesAGroundedNote() throws IOException {
        Path dir = Path.of("../shared/data/mts-dialog/Main-Dataset");
        Path train = dir.resolve("MTS-Dialog-TrainingSet.csv");
        assumeTrue(Files.exists(train), "MTS-Dialog not present: " + train + " (docs/EVALUATION.md, Reproducing these figures)");
        // columns: ID, section_header, section_text, dialogue ("Doctor:" / "Patient:" lines, sometimes "Guest_family:")
        List<Map<String, String>> rows = new ArrayList<>(read(train));
        if (Files.exists(dir.resolve("MTS-Dialog-ValidationSet.csv"))) {
            rows.addAll(read(dir.resolve("MTS-Dialog-ValidationSet.csv")));
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(1201);
        EmbeddedNoteEngine engine = new EmbeddedNoteEngine();
        for (Map<String, String> row : rows) {
            String dialogue = row.get("dialogue");
            for (Sentence s : TranscriptParser.parse(dialogue).sentences()) {
                assertThat(dialogue.substring(s.start(), s.end())).isEqualTo(s.text());
            }
            DraftNote note = engine.generate(new NoteRequest(dialogue, Specialties.generic(), Template.STANDARD, false,
                    null));
            EmbeddedNoteEngineTest.assertGroundedAndValid(dialogue, note);
        }
    }

    private static List<Map<String, String>> read(Path path) throws IOException {
        return CsvRows.parse(Files.readString(path, StandardCharsets.UTF_8));
    }
}
