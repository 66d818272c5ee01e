package org.chartscribe.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.List;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.EngineInfo;
import org.chartscribe.note.NoteEngine;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.SoapPart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

    static final String SUMMARY = "n=\\d+ rouge1=\\d+\\.\\d\\d rouge2=\\d+\\.\\d\\d rougeL=\\d+\\.\\d\\d "
            + "invented_facts=\\d+ ms_p50=\\d+\\.\\d\\d ms_p95=\\d+\\.\\d\\d "
            + "copied_speech_per_note=\\d+\\.\\d\\d notes_with_second_person_or_filler=\\d+/\\d+";
    static final String COPIED_SPEECH_FIELDS = "second_person=\\d+ fillers=\\d+ stutters=\\d+ cut=\\d+ duplicated=\\d+ "
            + "object_pronoun=\\d+ first_person=\\d+";
    static final String COPIED_SPEECH = "copied_speech: " + COPIED_SPEECH_FIELDS;

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return EvalCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    static Path fixture() throws URISyntaxException {
        return Path.of(EvalCommandTest.class.getResource("/eval/three-encounters.csv").toURI());
    }

    @Test
    void scoresEveryRowAndEndsWithTheSummaryLine() throws Exception {
        assertThat(run("--input", fixture().toString())).isEqualTo(EvalCommand.OK);
        List<String> lines = outLines();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("id rouge1 rouge2 rougeL invented_facts ms copied_speech second_person_or_filler");
        assertThat(lines.get(1)).matches("E1 \\d+\\.\\d\\d \\d+\\.\\d\\d \\d+\\.\\d\\d \\d+ \\d+\\.\\d\\d \\d+ [01]");
        assertThat(lines.get(2)).startsWith("E2 ");
        assertThat(lines.get(3)).startsWith("E3 ");
        assertThat(lines.get(4)).matches(SUMMARY).startsWith("n=3 ").contains(" invented_facts=0 ");
        assertThat(lines.get(5)).matches(COPIED_SPEECH);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void outputNeverContainsTheTexts() throws Exception {
        run("--input", fixture().toString());
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("knee", "lisinopril", "cough");
    }

    @Test
    void limitAndSpecialtyAndTemplate() throws Exception {
        assertThat(run("--input", fixture().toString(), "--limit", "2", "--specialty", "physician", "--template", "brief"))
                .isEqualTo(EvalCommand.OK);
        assertThat(outLines().get(outLines().size() - 2)).matches(SUMMARY).startsWith("n=2 ");
        assertThat(outLines().get(outLines().size() - 1)).matches(COPIED_SPEECH);
    }

    @Test
    void mtsDialogColumnsAndRowNumbersWithoutAnIdColumn() throws IOException {
        Path csv = temp.resolve("mts.csv");
        Files.writeString(csv, "\uFEFFsection_header,section_text,dialogue\n"
                + "GENHX,\"Knee pain for 3 weeks.\",\"Doctor: What brings you in?\nPatient: My knee, 3 weeks now.\"\n"
                + "ROS,\"No fever.\",\"Doctor: Fever?\nPatient: No.\"\n", StandardCharsets.UTF_8);
        assertThat(run("--input", csv.toString())).isEqualTo(EvalCommand.OK);
        List<String> lines = outLines();
        assertThat(lines.get(1)).startsWith("1 ");
        assertThat(lines.get(2)).startsWith("2 ");
        assertThat(lines.get(3)).matches(SUMMARY).startsWith("n=2 ");
        assertThat(lines.get(4)).matches(COPIED_SPEECH);
    }

    @Test
    void namedNoteColumn() throws IOException {
        Path csv = temp.resolve("custom.csv");
        Files.writeString(csv, "Dialogue,Reference\n\"Patient: my back hurts.\",\"Back pain.\"\n", StandardCharsets.UTF_8);
        assertThat(run("--input", csv.toString(), "--note-column", "reference")).isEqualTo(EvalCommand.OK);
        assertThat(run("--input", csv.toString())).isEqualTo(EvalCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--note-column");
    }

    @Test
    void badUsageExitsTwoWithUsageText() throws Exception {
        for (String[] args : new String[][] {{}, {"--input"}, {"--limit", "3"}, {"--input", "x.csv", "--bogus", "1"},
                {"--input", fixture().toString(), "--limit", "0"}, {"--input", fixture().toString(), "--limit", "many"},
                {"--input", fixture().toString(), "--specialty", "astrology"},
                {"--input", fixture().toString(), "--template", "birp"}}) {
            err.reset();
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(EvalCommand.USAGE);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar chartscribe.jar eval");
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void missingFileExitsTwoWithAClearMessage() {
        assertThat(run("--input", temp.resolve("nope.csv").toString())).isEqualTo(EvalCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file").contains("nope.csv");
    }

    @Test
    void csvWithoutRequiredColumnsExitsTwo() throws IOException {
        Path noDialogue = temp.resolve("a.csv");
        Files.writeString(noDialogue, "text,note\nhello,world\n", StandardCharsets.UTF_8);
        assertThat(run("--input", noDialogue.toString())).isEqualTo(EvalCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no 'dialogue' column");

        Path headerOnly = temp.resolve("b.csv");
        Files.writeString(headerOnly, "dialogue,note\n", StandardCharsets.UTF_8);
        assertThat(run("--input", headerOnly.toString())).isEqualTo(EvalCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no rows");
    }

    static final String ICD10_LINE = "icd10_top1=\\d\\.\\d{3} icd10_top5=\\d\\.\\d{3} icd10_invalid=\\d+ labelled=\\d+ "
            + "labels_not_in_set=\\d+ icd10_main_first=\\d\\.\\d{3}";

    static Path resource(String name) throws URISyntaxException {
        return Path.of(EvalCommandTest.class.getResource(name).toURI());
    }

    @Test
    void labelledInputPrintsTheRecallLineAfterTheUnchangedSummary() throws Exception {
        assertThat(run("--input", resource("/eval/labelled-encounters.csv").toString(),
                "--labels", resource("/eval/labelled-encounters-labels.tsv").toString())).isEqualTo(EvalCommand.OK);
        List<String> lines = outLines();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(4)).matches(SUMMARY).startsWith("n=3 ");
        assertThat(lines.get(5)).matches(COPIED_SPEECH);
        // L3 has no label: two rows are scored; every suggestion is a billable code of the built-in set
        assertThat(lines.get(6)).matches(ICD10_LINE).contains(" icd10_invalid=0 labelled=2 labels_not_in_set=0");
        // the hypertension visit is coded I10 first, the diabetes visit E11.9 or J45.20 first
        assertThat(lines.get(6)).startsWith("icd10_top1=1.000 ");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("lisinopril", "metformin", "I10 ");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aDumpWithLabelsHoldsEachLabelledEncountersCodes() throws Exception {
        Path dir = temp.resolve("coded");
        assertThat(run("--input", resource("/eval/labelled-encounters.csv").toString(),
                "--labels", resource("/eval/labelled-encounters-labels.tsv").toString(), "--dump", dir.toString()))
                .isEqualTo(EvalCommand.OK);
        String l1 = Files.readString(dir.resolve("L1.txt"));
        assertThat(l1.substring(l1.indexOf("=== CODES"))).startsWith("=== CODES\nsuggested: I10").contains("\nlabelled: I10\n");
        assertThat(Files.readString(dir.resolve("L3.txt"))).doesNotContain("=== CODES"); // no label, not coded
    }

    @Test
    void anotherCodeSetRestrictsTheSuggestions() throws Exception {
        Path codes = temp.resolve("tiny-icd10cm.tsv");
        Files.writeString(codes, "code\ttitle\nI10\tEssential (primary) hypertension\n"
                + "E119\tType 2 diabetes mellitus without complications\n", StandardCharsets.UTF_8);
        assertThat(run("--input", resource("/eval/labelled-encounters.csv").toString(),
                "--labels", resource("/eval/labelled-encounters-labels.tsv").toString(),
                "--icd10cm", codes.toString())).isEqualTo(EvalCommand.OK);
        String last = outLines().get(outLines().size() - 1);
        // J45.20 is not in the tiny set: it cannot be suggested, and the label is counted as unreachable
        assertThat(last).matches(ICD10_LINE).contains(" icd10_invalid=0 labelled=2 labels_not_in_set=1");
    }

    @Test
    void badLabelsOrCodeSetExitTwoNamingFileAndLine() throws Exception {
        Path labels = temp.resolve("bad-labels.tsv");
        Files.writeString(labels, "# ok\nL1\tI10\nL2 E11.9\n", StandardCharsets.UTF_8);
        assertThat(run("--input", fixture().toString(), "--labels", labels.toString())).isEqualTo(EvalCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(labels + ":3: expected id<TAB>codes");

        err.reset();
        Path codes = temp.resolve("bad-codes.tsv");
        Files.writeString(codes, "I10\tEssential (primary) hypertension\nnot-a-code\tx\n", StandardCharsets.UTF_8);
        assertThat(run("--input", fixture().toString(), "--labels", resource("/eval/labelled-encounters-labels.tsv").toString(),
                "--icd10cm", codes.toString())).isEqualTo(EvalCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(codes + ":2: not an ICD-10-CM code");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void labelsMatchingNoRowAreReported() throws Exception {
        Path labels = temp.resolve("other.tsv");
        Files.writeString(labels, "D2N001\tI10\n", StandardCharsets.UTF_8);
        assertThat(run("--input", fixture().toString(), "--labels", labels.toString())).isEqualTo(EvalCommand.OK);
        assertThat(outLines().get(outLines().size() - 1)).startsWith("icd10_top1=0.000 icd10_top5=0.000 ").contains(" labelled=0 ");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no row id").contains("encounter_id");
    }

    /** A visit whose "generated" note copies speech, and a reference written as a clinician writes. */
    static final class CopyingEngine implements NoteEngine {
        @Override
        public DraftNote generate(NoteRequest request) {
            var sections = new EnumMap<SoapPart, List<NoteSection>>(
                    SoapPart.class);
            sections.put(SoapPart.SUBJECTIVE, List.of(new NoteSection(
                    "History of Present Illness", "Okay, your knee hurts. The the pain started for.", List.of())));
            sections.put(SoapPart.PLAN, List.of(new NoteSection(
                    "Plan", "We will continue she on ibuprofen. My knee is sore.", List.of())));
            return new DraftNote(sections, List.of(), null);
        }

        @Override
        public EngineInfo info() {
            return null;
        }
    }

    @Test
    void copiedSpeechIsCountedPerRowAndSummedByCategory() throws Exception {
        List<EvalDataset.Row> rows = List.of(new EvalDataset.Row("R1", "Doctor: Knee?\nPatient: It hurts.",
                "HISTORY\nKnee pain. Okay, you know, it hurts."), new EvalDataset.Row("R2", "Doctor: Hi.", "Knee pain."));
        EvalOptions options = EvalOptions.parse(new String[] {"--input", "x.csv", "--references"}, new StringBuilder())
                .orElseThrow();
        EvalCommand.evaluate(new CopyingEngine(), options, rows, new PrintStream(out, true, StandardCharsets.UTF_8));
        List<String> lines = outLines();
        // per note: okay, your, "the the", "for.", "continue she", "My"
        assertThat(lines.get(1)).startsWith("R1 ").endsWith(" 6 1");
        assertThat(lines.get(2)).startsWith("R2 ").endsWith(" 6 1");
        assertThat(lines.get(3)).matches(SUMMARY).endsWith(" copied_speech_per_note=6.00 notes_with_second_person_or_filler=2/2");
        assertThat(lines.get(4)).isEqualTo("copied_speech: second_person=2 fillers=2 stutters=2 cut=2 duplicated=0 "
                + "object_pronoun=2 first_person=2");
        // the first reference has a filler ("okay"), "you know" and its "you"; the second none
        assertThat(lines.get(5)).isEqualTo("reference_copied_speech: second_person=1 fillers=2 stutters=0 cut=0 duplicated=0 "
                + "object_pronoun=0 first_person=0 per_note=1.50 notes_with_second_person_or_filler=1/2");
    }

    @Test
    void referencesLineOnlyWhenAsked() throws Exception {
        assertThat(run("--input", fixture().toString(), "--references")).isEqualTo(EvalCommand.OK);
        List<String> lines = outLines();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(6)).matches("reference_copied_speech: " + COPIED_SPEECH_FIELDS
                + " per_note=\\d+\\.\\d\\d notes_with_second_person_or_filler=\\d+/3");
        out.reset();
        run("--input", fixture().toString());
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("reference_copied_speech");
    }

    @Test
    void dumpWritesOneFilePerRowWithAllFourParts() throws Exception {
        Path dir = temp.resolve("dump/nested");
        assertThat(run("--input", fixture().toString(), "--dump", dir.toString())).isEqualTo(EvalCommand.OK);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("E1.txt", "E2.txt", "E3.txt");
        String e1 = Files.readString(dir.resolve("E1.txt"));
        assertThat(e1).startsWith("=== DIALOGUE\n").contains("\n=== REFERENCE\n", "\n=== GENERATED\n", "\n=== SECTIONS\n");
        assertThat(e1.indexOf("=== DIALOGUE")).isLessThan(e1.indexOf("=== REFERENCE"));
        assertThat(e1.indexOf("=== REFERENCE")).isLessThan(e1.indexOf("=== GENERATED"));
        assertThat(e1.indexOf("=== GENERATED")).isLessThan(e1.indexOf("=== SECTIONS"));
        assertThat(e1.substring(e1.indexOf("=== SECTIONS"))).containsPattern("\\[SUBJECTIVE\\] [^:\\n]+: ");
        List<EvalDataset.Row> rows = EvalDataset.read(fixture(), null, 1);
        assertThat(e1).contains(rows.get(0).dialogue().strip(), rows.get(0).referenceNote().strip());
        // stdout keeps only scores
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("knee", "lisinopril", "cough", "===");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("E1.txt"))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void dumpIntoAFileIsAUsageErrorAndScoresNothing() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-dir"), "x", StandardCharsets.UTF_8);
        assertThat(run("--input", fixture().toString(), "--dump", file.toString())).isEqualTo(EvalCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is a file").contains("usage: java -jar chartscribe.jar eval");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void dumpFileNamesAreSafeAndDistinct() throws Exception {
        EvalDump dump = EvalDump.open(temp.resolve("d"));
        assertThat(dump.fileName("../../etc/passwd")).isEqualTo("_._.._etc_passwd");
        assertThat(dump.fileName(".hidden")).isEqualTo("_hidden");
        assertThat(dump.fileName("D2N001")).isEqualTo("D2N001");
        assertThat(dump.fileName("D2N001")).isEqualTo("D2N001-2");
        assertThat(dump.fileName("a b/c")).isEqualTo("a_b_c");
    }

    @Test
    void percentileIsNearestRank() {
        double[] twenty = new double[20];
        for (int i = 0; i < 20; i++) {
            twenty[i] = i + 1;
        }
        assertThat(EvalCommand.percentile(twenty, 50)).isEqualTo(10);
        assertThat(EvalCommand.percentile(twenty, 95)).isEqualTo(19);
        assertThat(EvalCommand.percentile(new double[] {7}, 95)).isEqualTo(7);
        assertThat(EvalCommand.percentile(new double[0], 50)).isZero();
    }
}
