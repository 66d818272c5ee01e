package org.chartscribe.ehr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.chartscribe.fhir.ApprovedNote;
import org.chartscribe.fhir.BillingSuggestions;
import org.chartscribe.fhir.ChartReferences;
import org.chartscribe.fhir.CptSuggestion;
import org.chartscribe.fhir.FhirDialect;
import org.chartscribe.fhir.Icd10Suggestion;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.PatientHints;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.StoredNote;
import org.chartscribe.note.Template;
import org.chartscribe.note.embedded.EmbeddedNoteEngine;
import org.chartscribe.testehr.TestFhirServer;

/** A real note from the embedded engine, approved with an edited Plan, and the codes a clinician kept. */
final class WriteBackFixtures {
    static final String EDITED_PLAN = "Plan:\nHeat and gentle stretching; clinician edit 7f3a.\nReturn in 2 weeks.";
    static final Icd10Suggestion LOW_BACK_PAIN = new Icd10Suggestion("M54.50", "Low back pain, unspecified", List.of());
    static final Icd10Suggestion HYPERTENSION = new Icd10Suggestion("I10", "Essential (primary) hypertension", List.of());
    static final Icd10Suggestion OBESITY = new Icd10Suggestion("E66.9", "Obesity, unspecified", List.of());
    /** Unchecked by the clinician: must never reach the chart. */
    static final Icd10Suggestion UNCHECKED = new Icd10Suggestion("R51.9", "Headache, unspecified", List.of());
    static final CptSuggestion OFFICE_VISIT = new CptSuggestion("99213", "Office visit, established patient, low MDM");
    static final BillingSuggestions KEPT = new BillingSuggestions(List.of(LOW_BACK_PAIN, HYPERTENSION, OBESITY),
            List.of(OFFICE_VISIT));

    private static final DraftNote DRAFT = new EmbeddedNoteEngine().generate(new NoteRequest(transcript(),
            Specialties.byId("nurse_practitioner").orElseThrow(), Template.STANDARD, false, PatientHints.NONE));

    private WriteBackFixtures() {}

    static StoredNote approvedNote(String noteId) {
        Instant created = Instant.parse("2026-12-04T09:00:00Z");
        StoredNote stored = new StoredNote(noteId, "tenant-ehr", "nurse_practitioner", "standard", DRAFT, created,
                created.plusSeconds(86_400));
        return ApprovedNote.of(stored, Map.of(SoapPart.PLAN, EDITED_PLAN));
    }

    static ChartReferences chart(TestFhirServer ehr) {
        return new ChartReferences(Optional.of(ehr.patient()), Optional.of(ehr.encounter()), Optional.of(ehr.practitioner()));
    }

    static WriteBack writeBack(TestFhirServer ehr, FhirDialect dialect, String noteId, Supplier<String> token) {
        return new WriteBack(ehr.baseUrl(), token, dialect, approvedNote(noteId), KEPT, chart(ehr));
    }

    private static String transcript() {
        try (InputStream in = WriteBackFixtures.class.getResourceAsStream("/fixtures/low-back-pain-np.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
