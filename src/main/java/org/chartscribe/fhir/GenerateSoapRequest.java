package org.chartscribe.fhir;

import org.chartscribe.note.NoteRequest;

/** A checked {@code $generate-soap} call: what to generate, where it belongs, and how to shape it. */
public record GenerateSoapRequest(NoteRequest note, ChartReferences chart, FhirDialect dialect) {}
