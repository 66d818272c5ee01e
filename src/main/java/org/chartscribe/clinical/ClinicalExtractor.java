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
        return extract(transcript.source(), clinicianAt(transcript));
    }

    /**
     * Only what the note engine writes from facts: vital signs, results, diagnoses, medications,
     * allergies, body sites and plan items (findings and times are empty). One normalization and one
     * clause split shared by every extractor, cheaper than {@link #extract(Transcript)}.
     */
    public static Extraction extractAssessmentAndPlan(Transcript transcript) {
        return extractForNote(transcript, false);
    }

    /**
     * What the note engine writes from facts: {@link #extractAssessmentAndPlan} plus the symptoms and
     * times the history is written from ({@link PresentingProblems}), over one normalized text.
     */
    public static Extraction extractForNote(Transcript transcript) {
        return extractForNote(transcript, true);
    }

    private static Extraction extractForNote(Transcript transcript, boolean withHistory) {
        Objects.requireNonNull(transcript, "transcript");
        IntPredicate clinicianAt = clinicianAt(transcript);
        NormalizedText nt = NormalizedText.of(transcript.source());
        List<Clauses.Span> clauses = Clauses.of(nt.text());
        List<Medication> medications = MedicationExtractor.extract(nt, clauses);
        List<BodySite> sites = BodySiteExtractor.extract(nt.text());
        return new Extraction(VitalsExtractor.extract(nt), medications, AllergyExtractor.extract(nt, clauses),
                withHistory ? FindingsExtractor.extract(nt, clauses, sites) : List.of(), original(nt, sites),
                withHistory ? TimeExtractor.extract(nt) : List.of(), ResultsExtractor.extract(nt, clauses),
                DiagnosisExtractor.extract(nt, clauses, clinicianAt),
                PlanExtractor.extract(nt, clauses, medications, clinicianAt));
    }

    /**
     * Only the body sites a short text names ("arthritis, right knee"), without running the other extractors;
     * offsets are into the lower-cased text.
     */
    public static List<BodySite> bodySites(String text) {
        return BodySiteExtractor.extract(text.toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether an offset is in a clinician's turn (every offset of a dictation is). */
    private static IntPredicate clinicianAt(Transcript transcript) {
        if (transcript.dictation()) {
            return offset -> true;
        }
        List<Turn> turns = transcript.turns();
        int[] starts = new int[turns.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = turns.get(i).start();
        }
        return offset -> {
            // the last turn starting at or before the offset (turns are in order); before the first: the clinician
            int i = java.util.Arrays.binarySearch(starts, offset);
            int at = i >= 0 ? lastWithStart(starts, i) : -i - 2;
            Role role = at < 0 ? Role.CLINICIAN : turns.get(at).role();
            return role == Role.CLINICIAN || role == Role.UNKNOWN;
        };
    }

    private static int lastWithStart(int[] starts, int i) {
        int j = i;
        while (j + 1 < starts.length && starts[j + 1] == starts[i]) {
            j++;
        }
        return j;
    }

    private static List<BodySite> original(NormalizedText nt, List<BodySite> sites) {
        return sites.stream()
                .map(s -> new BodySite(s.site(), s.laterality(), nt.originalStart(s.start()), nt.originalEnd(s.end())))
                .toList();
    }

    /**
     * The lab tests and imaging studies named in a text (whatever is said about them), with the offsets
     * of each name in that text; value and interpretation are null. For placing a sentence that names a
     * test, not for reading its result (that is {@link Extraction#results()}).
     */
    public static List<TestResult> testsNamed(String text) {
        Objects.requireNonNull(text, "text");
        NormalizedText nt = NormalizedText.of(text);
        return TestCatalog.find(nt.text()).stream()
                .map(m -> new TestResult(m.value().name(), m.value().kind(), null, null, null,
                        nt.originalStart(m.start()), nt.originalEnd(m.end())))
                .toList();
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
