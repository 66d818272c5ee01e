package org.chartscribe.ehr;

/**
 * Writes an approved note and the codes the clinician kept into the launching EHR's chart. Idempotent:
 * calling it again for the same note (a double click, a retry after a timeout or a partial failure)
 * never creates a second resource; what already exists is reported as {@code existing}.
 */
public interface ChartWriter {
    WriteBackResult write(WriteBack request);
}
