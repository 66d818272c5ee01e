package org.chartscribe.fhir;

import org.chartscribe.note.NoteRequest;

/**
 * A checked {@code $generate-soap} call: what to generate, where it belongs, how to shape it, and
 * whether to write the resources into the caller's EHR (only possible from a SMART launch).
 */
public record GenerateSoapRequest(NoteRequest note, ChartReferences chart, FhirDialect dialect, boolean writeBack) {

    public GenerateSoapRequest(NoteRequest note, ChartReferences chart, FhirDialect dialect) {
        this(note, chart, dialect, false);
    }
}
