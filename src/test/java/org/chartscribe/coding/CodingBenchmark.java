package org.chartscribe.coding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Template;
import org.chartscribe.note.embedded.EmbeddedNoteEngine;

/**
 * What {@code include_billing_codes} adds to a note: the {@link ClinicalCoder} on the 1,230-word
 * primary-care fixture's note, single thread, after a warm-up (a benchmark, not a test: run by
 * {@code bench/coding-time.sh}, figures in docs/BENCHMARKS.md).
 */
public final class CodingBenchmark {

    private CodingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        String transcript = Files.readString(Path.of("src/test/resources/fixtures/primary-care-1100-words.txt"));
        NoteRequest request = new NoteRequest(transcript, Specialties.byId("physician").orElseThrow(),
                Template.fromId("standard").orElseThrow(), true, null);
        DraftNote note = new EmbeddedNoteEngine().generate(request);
        ClinicalCoder coder = new ClinicalCoder(Icd10CodeSetLoader.builtin(), CptCodeSet.builtin());
        for (int i = 0; i < rounds; i++) {
            coder.code(request, note); // warm-up
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            coder.code(request, note);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("coder on the 1,100-word note: p50 %.3f ms, p95 %.3f ms (%d rounds after %d warm-up), codes %s%n",
                ms[rounds / 2], ms[(int) (rounds * 0.95)], rounds, rounds,
                coder.code(request, note).icd10().stream().map(d -> d.code()).toList());
    }
}
