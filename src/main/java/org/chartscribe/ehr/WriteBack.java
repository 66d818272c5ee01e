package org.chartscribe.ehr;

import java.util.function.Supplier;
import org.chartscribe.fhir.BillingSuggestions;
import org.chartscribe.fhir.ChartReferences;
import org.chartscribe.fhir.FhirDialect;
import org.chartscribe.note.StoredNote;

/**
 * What to write where.
 *
 * @param fhirBaseUrl  the EHR's FHIR base (the SMART {@code iss})
 * @param accessToken  the user's (or backend service's) bearer token, asked for before each request so
 *                     a refresh in between is picked up
 * @param dialect      epic, oracle or generic
 * @param approvedNote the note as the clinician approved it (edited text; becomes a final DocumentReference):
 *                     {@link org.chartscribe.fhir.ApprovedNote#of} the stored note and the edited divisions
 * @param keptCodes    only the codes the clinician kept checked
 * @param chart        patient, encounter and the approving practitioner
 * @param approved     true when a clinician approved the note (a final DocumentReference); false for
 *                     {@code $generate-soap} with {@code writeBack=true}, which writes a preliminary draft
 */
public record WriteBack(String fhirBaseUrl, Supplier<String> accessToken, FhirDialect dialect,
                        StoredNote approvedNote, BillingSuggestions keptCodes, ChartReferences chart, boolean approved) {

    /** A clinician-approved note: what the app's "Approve and write back" sends. */
    public WriteBack(String fhirBaseUrl, Supplier<String> accessToken, FhirDialect dialect,
                     StoredNote approvedNote, BillingSuggestions keptCodes, ChartReferences chart) {
        this(fhirBaseUrl, accessToken, dialect, approvedNote, keptCodes, chart, true);
    }

    @Override
    public String toString() {
        return "WriteBack[dialect=" + dialect + ", note=" + approvedNote.noteId() + "]";
    }
}
