package org.chartscribe.note.llm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.chartscribe.coding.Icd10CodeSet;
import org.chartscribe.note.BillingCodes;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.NoteWarning;

/**
 * The model's ICD-10-CM proposals, accepted only when the code exists and is billable in the loaded
 * code set; the description always comes from the code set, never from the model. Everything else is
 * dropped with a {@code BILLING_CODE_DROPPED} warning naming the code (a code is not PHI).
 */
final class ProposedCodes {

    static final String DROPPED = "BILLING_CODE_DROPPED";
    /** A model gives no calibrated confidence: its codes rank below the embedded coder's typical ones. */
    static final double LLM_CONFIDENCE = 0.5;

    record Result(List<BillingCodes.Diagnosis> accepted, List<NoteWarning> warnings) {}

    private ProposedCodes() {}

    static Result check(List<LlmNoteJson.Code> proposed, Icd10CodeSet codeSet, QuoteLocator quotes) {
        List<BillingCodes.Diagnosis> accepted = new ArrayList<>();
        List<NoteWarning> warnings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (LlmNoteJson.Code code : proposed) {
            String shown = printable(code.code());
            if (code.code().isBlank() || !code.code().matches("[A-Za-z][0-9A-Za-z.]{1,9}")) {
                warnings.add(dropped("The LLM proposed a billing code that is not an ICD-10-CM code (\"" + shown
                        + "\"); it was dropped."));
                continue;
            }
            String dotted = Icd10CodeSet.dotted(code.code());
            if (!seen.add(dotted)) {
                continue;
            }
            if (!codeSet.exists(dotted)) {
                warnings.add(dropped("The LLM proposed ICD-10-CM code " + dotted
                        + ", which is not in the loaded code set; it was dropped."));
            } else if (!codeSet.isBillable(dotted)) {
                warnings.add(dropped("The LLM proposed ICD-10-CM code " + dotted
                        + ", which is a category, not a billable code; it was dropped."));
            } else {
                List<Evidence> evidence = new ArrayList<>();
                for (String quote : code.quotes()) {
                    quotes.locate(quote).ifPresent(evidence::add);
                }
                accepted.add(new BillingCodes.Diagnosis(dotted, codeSet.title(dotted).orElseThrow(), LLM_CONFIDENCE,
                        evidence, code.rationale().isBlank() ? "proposed by the LLM engine" : code.rationale()));
            }
        }
        return new Result(accepted, warnings);
    }

    private static NoteWarning dropped(String text) {
        return new NoteWarning(DROPPED, "assessment", text);
    }

    /** What the model wrote in the code field, bounded and without control characters, for the warning. */
    private static String printable(String code) {
        String s = code.replaceAll("\\p{Cntrl}", " ").strip();
        return s.length() > 20 ? s.substring(0, 20) + "..." : s;
    }
}
