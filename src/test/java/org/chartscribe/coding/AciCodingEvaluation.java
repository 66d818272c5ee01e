package org.chartscribe.coding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.note.BillingCodes.Diagnosis;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Template;
import org.chartscribe.note.embedded.CsvRows;
import org.chartscribe.note.embedded.EmbeddedNoteEngine;

/**
 * Measures the ICD-10-CM coder against the team's labels for ACI-Bench encounters
 * ({@code src/test/resources/coding/aci-labels.tsv}), reading the data set in place.
 *
 * <p>Recall as defined by {@link org.chartscribe.eval.CodeRecall} (the {@code eval} command's): top-1 is
 * the share of encounters whose first suggestion is one of the labelled codes; top-5 the share of
 * labelled codes found among the first five suggestions (at most five counted per encounter);
 * invalid counts suggestions that are not billable codes of the loaded set (must be 0).
 * Split: ACI-Bench train is D2N001-D2N067, valid D2N068-D2N087 (the rows of {@code train.csv} and
 * {@code valid.csv}).
 *
 * <p>{@code reference} mode codes the reference note's assessment (what the labels were made from);
 * {@code engine} mode codes the assessment the embedded engine writes from the dialogue.
 */
public final class AciCodingEvaluation {

    static final Path ACI = Path.of("../shared/data/aci-bench/data/challenge_data");
    static final Path FULL_FY2022 = Path.of("../shared/data/icd10cm/fy2022-order/icd10cm_codes_fy2022.tsv");
    private static final Pattern ASSESSMENT = Pattern.compile("(?m)^(?:ASSESSMENT|IMPRESSION)\\b.*$");
    private static final Pattern INSTRUCTIONS = Pattern.compile("(?m)^INSTRUCTIONS\\s*$");

    /** {@code withoutEvidence}: suggestions with no transcript span (must be 0). */
    public record Result(int encounters, double top1, double top5, int invalid, List<String> misses, int withoutEvidence) {
        String line() {
            return String.format(java.util.Locale.ROOT, "icd10_top1=%.3f icd10_top5=%.3f", top1, top5);
        }
    }

    public static void main(String[] args) throws IOException {
        Icd10CodeSet set = args.length > 0 && !args[0].isBlank() ? Icd10CodeSetLoader.load(Path.of(args[0])) : Icd10CodeSetLoader.builtin();
        String mode = args.length > 1 ? args[1] : "reference";
        String split = args.length > 2 ? args[2] : "all";
        Result r = evaluate(set, mode.equals("engine"), split);
        r.misses().forEach(System.out::println);
        System.out.println("code_set=\"" + set.label() + "\" mode=" + mode + " split=" + split + " encounters="
                + r.encounters() + " invalid_codes=" + r.invalid());
        System.out.println(r.line());
    }

    static Result evaluate(Icd10CodeSet set, boolean engineNotes) throws IOException {
        return evaluate(set, engineNotes, "all");
    }

    /** @param split {@code train}, {@code valid} or {@code all} */
    static Result evaluate(Icd10CodeSet set, boolean engineNotes, String split) throws IOException {
        Map<String, Map<String, String>> rows = encounters();
        Map<String, List<String>> labels = new LinkedHashMap<>(labels());
        labels.keySet().removeIf(id -> !split.equals("all") && !split.equals(split(id)));
        Icd10Coder coder = new Icd10Coder(set);
        EmbeddedNoteEngine engine = new EmbeddedNoteEngine();
        org.chartscribe.eval.CodeRecall recall = new org.chartscribe.eval.CodeRecall(set::isBillable);
        List<String> misses = new ArrayList<>();
        int withoutEvidence = 0;
        for (Map.Entry<String, List<String>> label : labels.entrySet()) {
            Map<String, String> row = rows.get(label.getKey());
            String dialogue = row.get("dialogue");
            String assessment = engineNotes ? engineAssessment(engine, dialogue) : referenceAssessment(row.get("note"));
            List<Diagnosis> suggested = coder.suggest(assessment, dialogue);
            withoutEvidence += (int) suggested.stream().filter(d -> d.evidence().isEmpty()).count();
            List<String> codes = suggested.stream().map(Diagnosis::code).toList();
            List<String> gold = label.getValue();
            if (!recall.add(codes, gold)) {
                misses.add(label.getKey() + " gold=" + gold + " got=" + codes);
            }
        }
        return new Result(recall.encounters(), recall.top1(), recall.top5(), recall.invalid(), misses, withoutEvidence);
    }

    /** D2N001-D2N067 are ACI-Bench train, D2N068-D2N087 valid. */
    static String split(String id) {
        return Integer.parseInt(id.substring(3)) <= 67 ? "train" : "valid";
    }

    static String referenceAssessment(String note) {
        Matcher start = ASSESSMENT.matcher(note);
        if (!start.find()) {
            return "";
        }
        String rest = note.substring(start.end());
        Matcher end = INSTRUCTIONS.matcher(rest);
        return end.find() ? rest.substring(0, end.start()) : rest;
    }

    private static String engineAssessment(EmbeddedNoteEngine engine, String dialogue) {
        DraftNote note = engine.generate(new NoteRequest(dialogue, Specialties.generic(), Template.STANDARD, false, null));
        return note.render(SoapPart.ASSESSMENT);
    }

    static Map<String, Map<String, String>> encounters() throws IOException {
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (String split : List.of("train.csv", "valid.csv")) {
            Path file = ACI.resolve(split);
            if (Files.exists(file)) {
                for (Map<String, String> row : CsvRows.parse(Files.readString(file, StandardCharsets.UTF_8))) {
                    rows.put(row.get("encounter_id"), row);
                }
            }
        }
        return rows;
    }

    static Map<String, List<String>> labels() throws IOException {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        try (InputStream in = AciCodingEvaluation.class.getResourceAsStream("/coding/aci-labels.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cols = line.trim().split("\t");
                    labels.put(cols[0], List.of(cols[1].split(" ")));
                }
            }
        }
        return labels;
    }
}
