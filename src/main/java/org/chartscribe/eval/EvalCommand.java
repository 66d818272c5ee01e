package org.chartscribe.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.chartscribe.clinical.InventedFacts;
import org.chartscribe.coding.ClinicalCoder;
import org.chartscribe.coding.CodeSetFormatException;
import org.chartscribe.coding.CptCodeSet;
import org.chartscribe.coding.Icd10CodeSet;
import org.chartscribe.coding.Icd10CodeSetLoader;
import org.chartscribe.note.BillingCodes;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteEngine;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.embedded.EmbeddedNoteEngine;

/**
 * {@code java -jar chartscribe.jar eval --input FILE.csv ...}: scores the embedded engine against
 * reference notes. Runs without Spring: it is a plain function from a CSV to a report.
 *
 * <p>Output: a header, one line per row ({@code id rouge1 rouge2 rougeL invented_facts ms copied_speech
 * second_person_or_filler}) and a summary line {@code n=.. rouge1=.. rouge2=.. rougeL=.. invented_facts=..
 * ms_p50=.. ms_p95=.. copied_speech_per_note=.. notes_with_second_person_or_filler=k/n} (ROUGE F1 x 100, mean
 * over rows; invented facts summed; {@link CopiedSpeech} signs per note), then {@code copied_speech: ..} with
 * the signs per category summed over rows. New fields go at the end, so older results stay comparable.
 * With {@code --references}, a line {@code reference_copied_speech: ..} scores the reference notes the
 * same way (the calibration). With {@code --labels}, the billing codes the {@link ClinicalCoder} suggests
 * for each labelled row's generated note are scored too, and a line {@code icd10_top1=.. icd10_top5=..
 * icd10_invalid=.. labelled=.. labels_not_in_set=.. icd10_main_first=..} comes last (definitions in {@link CodeRecall}). Only
 * scores are printed, never the texts; {@code --dump DIR} writes the texts to files for review
 * ({@link EvalDump}).
 */
public final class EvalCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /**
     * Notes generated untimed before measuring, so that p50/p95 reflect compiled code, not the interpreter:
     * the rows are cycled through (all of them, so that every code path the timed run takes has been run)
     * until this many notes were generated. About 2 s for 1,000-word dialogues; enough for the JIT's
     * optimising tier to compile the engine's hot methods, which the first few dozen notes do not reach.
     */
    static final int WARM_UP_NOTES = 400;

    /** The per-row columns; new ones are appended so that older results stay comparable. */
    static final String HEADER = "id rouge1 rouge2 rougeL invented_facts ms copied_speech second_person_or_filler";

    private EvalCommand() {}

    /** Entry point from the jar's main: {@code args[0]} is "eval". */
    public static int run(String[] args) {
        return run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        StringBuilder problem = new StringBuilder();
        Optional<EvalOptions> parsed = EvalOptions.parse(args, problem);
        if (parsed.isEmpty()) {
            err.println("eval: " + problem);
            err.println(EvalOptions.USAGE);
            return USAGE;
        }
        EvalOptions options = parsed.get();
        List<EvalDataset.Row> rows;
        try {
            rows = EvalDataset.read(options.input(), options.noteColumn(), options.limit());
        } catch (EvalDataset.InvalidDatasetException e) {
            err.println("eval: " + e.getMessage());
            return USAGE;
        }
        Optional<Billing> billing;
        try {
            billing = billing(options);
        } catch (EvalDataset.InvalidDatasetException | CodeSetFormatException e) {
            err.println("eval: " + e.getMessage());
            return USAGE;
        }
        if (billing.isPresent() && rows.stream().noneMatch(r -> billing.get().labels().ids().contains(r.id()))) {
            err.println("eval: no row id of " + options.input() + " is labelled in " + options.labels().orElseThrow()
                    + " (ids come from the 'encounter_id' or 'id' column, else the row number)");
        }
        Optional<EvalDump> dump = Optional.empty();
        if (options.dump().isPresent()) {
            try {
                dump = Optional.of(EvalDump.open(options.dump().get()));
            } catch (EvalDump.UnusableDirectoryException e) {
                err.println("eval: " + e.getMessage());
                err.println(EvalOptions.USAGE);
                return USAGE;
            }
        }
        try {
            evaluate(new EmbeddedNoteEngine(), options, rows, billing, dump, out);
            return OK;
        } catch (EvalDump.WriteFailedException e) {
            err.println("eval: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            // the exception type only: messages from the engine could quote the transcript
            err.println("eval: the engine failed: " + e.getClass().getName());
            return FAILED;
        }
    }

    /** Billing-code scoring: the coder (ICD-10-CM set as chosen, built-in CPT) and the labels. */
    record Billing(ClinicalCoder coder, Icd10CodeSet icd10, CodingLabels labels) {}

    static Optional<Billing> billing(EvalOptions options) throws EvalDataset.InvalidDatasetException {
        if (options.labels().isEmpty()) {
            return Optional.empty();
        }
        CodingLabels labels = CodingLabels.read(options.labels().get());
        Icd10CodeSet icd10 = options.icd10cm().map(Icd10CodeSetLoader::load).orElseGet(Icd10CodeSetLoader::builtin);
        return Optional.of(new Billing(new ClinicalCoder(icd10, CptCodeSet.builtin()), icd10, labels));
    }

    static void evaluate(NoteEngine engine, EvalOptions options, List<EvalDataset.Row> rows, PrintStream out) {
        evaluate(engine, options, rows, Optional.empty(), Optional.empty(), out);
    }

    static void evaluate(NoteEngine engine, EvalOptions options, List<EvalDataset.Row> rows, Optional<Billing> billing,
                         Optional<EvalDump> dump, PrintStream out) {
        warmUp(engine, options, rows);
        out.println(HEADER);
        CopiedSpeech.Counts referenceSigns = CopiedSpeech.Counts.NONE;
        int referencesWithSecondPersonOrFiller = 0;
        List<RowResult> results = new ArrayList<>();
        Optional<CodeRecall> recall = billing.map(b -> new CodeRecall(b.icd10()::isBillable));
        for (EvalDataset.Row row : rows) {
            NoteRequest request = new NoteRequest(row.dialogue(), options.specialty(), options.template(), false, null);
            long started = System.nanoTime();
            DraftNote note = engine.generate(request);
            double ms = (System.nanoTime() - started) / 1e6;
            String codesLine = null;
            if (billing.isPresent() && billing.get().labels().ids().contains(row.id())) {
                // coded after the timing: ms stays the engine's time
                List<String> codes = billing.get().coder().code(request, note).icd10().stream()
                        .map(BillingCodes.Diagnosis::code).toList();
                recall.orElseThrow().add(codes, billing.get().labels().codes(row.id()));
                codesLine = "suggested: " + String.join(" ", codes) + "\nlabelled: "
                        + String.join(" ", billing.get().labels().codes(row.id()));
            }
            String hypothesis = fullNote(note);
            Rouge.Scores scores = Rouge.score(hypothesis, row.referenceNote());
            CopiedSpeech.Counts signs = CopiedSpeech.count(hypothesis);
            RowResult result = new RowResult(scores, InventedFacts.count(row.dialogue(), hypothesis), ms, signs);
            results.add(result);
            out.println(row.id().replaceAll("\\s+", "_") + " " + pct(scores.rouge1()) + " " + pct(scores.rouge2()) + " "
                    + pct(scores.rougeL()) + " " + result.inventedFacts() + " " + fixed(ms) + " " + signs.total() + " "
                    + (signs.hasSecondPersonOrFiller() ? 1 : 0));
            if (options.references()) {
                CopiedSpeech.Counts reference = CopiedSpeech.count(row.referenceNote());
                referenceSigns = referenceSigns.plus(reference);
                referencesWithSecondPersonOrFiller += reference.hasSecondPersonOrFiller() ? 1 : 0;
            }
            String codes = codesLine;
            dump.ifPresent(d -> d.write(row, note, codes));
        }
        out.println(summary(results));
        out.println("copied_speech: " + results.stream().map(RowResult::copiedSpeech)
                .reduce(CopiedSpeech.Counts.NONE, CopiedSpeech.Counts::plus).fields());
        if (options.references()) {
            out.println("reference_copied_speech: " + referenceSigns.fields() + " per_note="
                    + fixed(results.isEmpty() ? 0 : referenceSigns.total() / (double) results.size())
                    + " notes_with_second_person_or_filler=" + referencesWithSecondPersonOrFiller + "/" + results.size());
        }
        recall.ifPresent(r -> out.println(r.line()));
    }


    /** The hypothesis scored: the four SOAP strings joined with newlines. */
    public static String fullNote(DraftNote note) {
        List<String> parts = new ArrayList<>();
        for (SoapPart part : SoapPart.values()) {
            parts.add(note.render(part));
        }
        return String.join("\n", parts);
    }

    record RowResult(Rouge.Scores scores, int inventedFacts, double ms, CopiedSpeech.Counts copiedSpeech) {}

    static String summary(List<RowResult> results) {
        int n = results.size();
        double r1 = results.stream().mapToDouble(r -> r.scores().rouge1()).average().orElse(0);
        double r2 = results.stream().mapToDouble(r -> r.scores().rouge2()).average().orElse(0);
        double rl = results.stream().mapToDouble(r -> r.scores().rougeL()).average().orElse(0);
        int invented = results.stream().mapToInt(RowResult::inventedFacts).sum();
        double[] ms = results.stream().mapToDouble(RowResult::ms).sorted().toArray();
        return "n=" + n + " rouge1=" + pct(r1) + " rouge2=" + pct(r2) + " rougeL=" + pct(rl)
                + " invented_facts=" + invented + " ms_p50=" + fixed(percentile(ms, 50)) + " ms_p95=" + fixed(percentile(ms, 95))
                + " copied_speech_per_note=" + fixed(n == 0 ? 0 : results.stream().mapToInt(r -> r.copiedSpeech().total()).sum()
                / (double) n)
                + " notes_with_second_person_or_filler="
                + results.stream().filter(r -> r.copiedSpeech().hasSecondPersonOrFiller()).count() + "/" + n;
    }

    /** Nearest-rank percentile of sorted values (p50 of 20 values is the 10th, p95 the 19th). */
    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static void warmUp(NoteEngine engine, EvalOptions options, List<EvalDataset.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        for (int i = 0; i < WARM_UP_NOTES; i++) {
            EvalDataset.Row row = rows.get(i % rows.size());
            DraftNote note = engine.generate(new NoteRequest(row.dialogue(), options.specialty(), options.template(), false, null));
            if (i < rows.size()) {
                Rouge.score(fullNote(note), row.referenceNote());
            }
        }
    }

    private static String pct(double f1) {
        return fixed(f1 * 100);
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
