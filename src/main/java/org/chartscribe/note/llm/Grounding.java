package org.chartscribe.note.llm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.chartscribe.clinical.Assertion;
import org.chartscribe.clinical.ClinicalExtractor;
import org.chartscribe.clinical.Diagnosis;
import org.chartscribe.clinical.InventedFacts;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.NoteWarning;
import org.chartscribe.note.SoapPart;

/**
 * Checks an LLM-written note against its transcript with the embedded extractors: every number, dose,
 * drug, side (laterality) and diagnosis the note states must be supported by what was said. The LLM's
 * text is left as written (a clinician reviews it); each unsupported fact becomes an
 * {@code UNSUPPORTED_FACT} warning naming the section, the heading and the fact, so the reviewer can
 * find it. The embedded engine removes such facts instead (its own grounding guard).
 */
public final class Grounding {

    public static final String UNSUPPORTED_FACT = "UNSUPPORTED_FACT";

    private Grounding() {}

    public static List<NoteWarning> check(String transcript, Map<SoapPart, List<NoteSection>> sections) {
        Set<String> saidConditions = conditions(ClinicalExtractor.diagnoses(transcript));
        String saidLower = transcript.toLowerCase(Locale.ROOT);
        InventedFacts.Said said = InventedFacts.said(transcript); // the transcript is read once per note
        List<NoteWarning> warnings = new ArrayList<>();
        for (SoapPart part : SoapPart.values()) {
            for (NoteSection section : sections.getOrDefault(part, List.of())) {
                String text = section.text();
                for (InventedFacts.Fact fact : InventedFacts.find(said, text)) {
                    warnings.add(warning(part, section, kind(fact.kind()), text.substring(fact.start(), fact.end())));
                }
                for (Diagnosis d : ClinicalExtractor.diagnoses(text)) {
                    boolean notStated = d.assertion().negated() || d.assertion().hypothetical();
                    if (notStated || supported(d, saidConditions, saidLower)) {
                        continue;
                    }
                    warnings.add(warning(part, section, "diagnosis", text.substring(d.start(), d.end())));
                }
            }
        }
        return warnings;
    }

    /**
     * A known condition is supported when the transcript names it in any wording ("high blood pressure"
     * for "hypertension"); another diagnostic phrase when each of its words was said (a note re-orders
     * "strain of the lumbar muscles" into "lumbar strain").
     */
    private static boolean supported(Diagnosis d, Set<String> saidConditions, String saidLower) {
        if (d.condition() != null) {
            return saidConditions.contains(key(d));
        }
        for (String word : WORD.split(d.phrase().toLowerCase(Locale.ROOT))) {
            if (word.length() >= 3 && !saidLower.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    private static String key(Diagnosis d) {
        return d.assertion().family() ? d.condition() + " (family)" : d.condition();
    }

    private static Set<String> conditions(List<Diagnosis> diagnoses) {
        Set<String> out = new HashSet<>();
        for (Diagnosis d : diagnoses) {
            // "No diabetes." or "Any diabetes?" does not support a note that charts diabetes, and the
            // mother's diabetes supports a family history, not the patient's diagnosis
            Assertion a = d.assertion();
            if (d.condition() != null && !a.negated() && !a.asked() && !a.hypothetical()) {
                out.add(key(d));
            }
        }
        return out;
    }

    private static String kind(InventedFacts.Kind kind) {
        return switch (kind) {
            case NUMBER -> "number";
            case DOSE -> "dose";
            case DRUG -> "drug";
            case LATERALITY -> "side";
        };
    }

    private static NoteWarning warning(SoapPart part, NoteSection section, String kind, String fact) {
        return new NoteWarning(UNSUPPORTED_FACT, part.key(), "The " + kind + " \"" + fact + "\" under \""
                + section.heading() + "\" is not supported by the transcript: check it before signing.");
    }
}
