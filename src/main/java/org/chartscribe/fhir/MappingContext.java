package org.chartscribe.fhir;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.chartscribe.note.StoredNote;
import org.hl7.fhir.r4.model.Reference;

/**
 * What every resource mapper of one note shares: the note, the chart references, ids and time, and
 * what the resources are for ({@link Purpose}).
 */
record MappingContext(StoredNote note, ChartReferences chart, FhirDialect dialect, Purpose purpose) {

    /** A clinician approved the note: the document is final. */
    boolean approved() {
        return purpose == Purpose.APPROVED_FOR_CHART;
    }

    /** Written into an EHR: nothing may point at a resource that is not written there (the engine's Device). */
    boolean forChart() {
        return purpose != Purpose.DRAFT_BUNDLE;
    }

    /** Shown when the caller named no patient: a draft is still useful, but it is not tied to a chart. */
    static final String UNIDENTIFIED_PATIENT = "Patient not identified (transcript-only request)";

    /**
     * A stable id per produced resource, derived from the note id: generating the bundle again for
     * the same note gives the same ids, which keeps references and a later write-back idempotent.
     */
    String idOf(String kind, int index) {
        return UUID.nameUUIDFromBytes((note.noteId() + "/" + kind + "/" + index).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static Reference local(String id) {
        return new Reference("urn:uuid:" + id);
    }

    Date created() {
        return Date.from(note.createdAt());
    }

    Reference subject() {
        return chart.patientCopy().orElseGet(() -> new Reference().setDisplay(UNIDENTIFIED_PATIENT));
    }

    Optional<Reference> encounter() {
        return chart.encounterCopy();
    }

    Optional<Reference> practitioner() {
        return chart.practitionerCopy();
    }
}
