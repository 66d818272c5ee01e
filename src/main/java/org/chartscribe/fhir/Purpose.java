package org.chartscribe.fhir;

/** What the mapped resources are for, which decides the document status and how the engine is named. */
public enum Purpose {
    /** Returned to the caller as a {@code collection} Bundle, the engine as a Device inside it. */
    DRAFT_BUNDLE,
    /** Written into the EHR before anyone approved it ({@code $generate-soap} with {@code writeBack=true}): preliminary. */
    DRAFT_FOR_CHART,
    /** Written into the EHR after the clinician approved it in the app: final. */
    APPROVED_FOR_CHART
}
