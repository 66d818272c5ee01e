package org.chartscribe.clinical;

import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.chartscribe.transcript.Role;
import org.chartscribe.transcript.Transcript;
import org.chartscribe.transcript.Turn;

/**
 * The facade of the clinical extractors: pure functions from text to an {@link Extraction}.
 * Stateless and thread-safe; nothing is logged or kept.
 *
 * <pre>{@code
 * Extraction x = ClinicalExtractor.extract(TranscriptParser.parse(text));
 * x.vitals();     // BP 140/90 from "one forty over ninety"
 * x.diagnoses();  // with Assertion flags: negated, uncertain, historical, family
 * }</pre>
 *
 * With a {@link Transcript}, diagnostic phrases and plan items are taken only from the clinician's
 * turns (a patient saying "I think it's arthritis" is not an assessment); with a plain string,
 * every sentence counts as the clinician's (a dictation).
 */
public final class ClinicalExtractor {

    private ClinicalExtractor() {}

    public static Extraction extract(String text) {
        Objects.requireNonNull(text, "text");
        return extract(text, offset -> true);
    }

    public static Extraction extract(Transcript transcript) {
        Objects.requireNonNull(transcript, "transcript");
        List<Turn> turns = transcript.turns();
        IntPredicate clinicianAt = offset -> {
            Role role = Role.CLINICIAN;
            for (Turn t : turns) {
                if (t.start() <= offset) {
                    role = t.role();
                } else {
                    break;
                }
            }
            return role == Role.CLINICIAN || role == Role.UNKNOWN;
        };
        return extract(transcript.source(), transcript.dictation() ? offset -> true : clinicianAt);
    }

    /** Only the diagnoses and impressions in a text: cheaper than a full extraction. */
    public static List<Diagnosis> diagnoses(String text) {
        Objects.requireNonNull(text, "text");
        NormalizedText nt = NormalizedText.of(text);
        return DiagnosisExtractor.extract(nt, Clauses.of(nt.text()), offset -> true);
    }

    private static Extraction extract(String text, IntPredicate clinicianAt) {
        NormalizedText nt = NormalizedText.of(text);
        List<Clauses.Span> clauses = Clauses.of(nt.text());
        List<BodySite> sitesInNormalized = BodySiteExtractor.extract(nt.text());
        List<Medication> medications = MedicationExtractor.extract(nt, clauses);
        return new Extraction(
                VitalsExtractor.extract(nt),
                medications,
                AllergyExtractor.extract(nt, clauses),
                FindingsExtractor.extract(nt, clauses, sitesInNormalized),
                sitesInNormalized.stream()
                        .map(s -> new BodySite(s.site(), s.laterality(), nt.originalStart(s.start()), nt.originalEnd(s.end())))
                        .toList(),
                TimeExtractor.extract(nt),
                ResultsExtractor.extract(nt, clauses),
                DiagnosisExtractor.extract(nt, clauses, clinicianAt),
                PlanExtractor.extract(nt, clauses, medications, clinicianAt));
    }
}
