package org.chartscribe.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chartscribe.note.NoteWarning;
import org.chartscribe.note.StoredNote;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Maps a generated note to FHIR R4 resources for one EHR dialect. Pure: no I/O, no clock, no
 * randomness; the same input gives the same resources (ids included).
 */
public final class SoapNoteMapper {
    static final String NO_CLAIM_WITHOUT_PROVIDER =
            "Claim omitted: billing codes were suggested but no practitioner was given to bill as provider.";

    private SoapNoteMapper() {}

    /** Fails before any work is done when the dialect needs something the caller did not give. */
    public static void checkRequirements(FhirDialect dialect, ChartReferences chart) {
        if (dialect.requiresAuthor() && chart.practitioner().isEmpty()) {
            throw new FhirRequestException(OperationOutcome.IssueType.REQUIRED, "practitioner",
                    "The oracle dialect requires 'practitioner' (the note's author).");
        }
    }

    /** The draft as {@code $generate-soap} returns it: a preliminary DocumentReference. */
    public static SoapNoteResources map(StoredNote note, ChartReferences chart, BillingSuggestions codes,
                                        FhirDialect dialect) {
        return map(new MappingContext(note, chart, dialect, Purpose.DRAFT_BUNDLE), codes);
    }

    /**
     * The note a clinician approved, for writing to the chart: a final DocumentReference (its text from
     * {@link ApprovedNote}), only the codes kept, and the engine as an identifier-only Provenance agent.
     * References between the resources stay {@code urn:uuid:} ids; the writer replaces them with the
     * ids the EHR assigns.
     */
    public static SoapNoteResources mapApproved(StoredNote approvedNote, ChartReferences chart,
                                                BillingSuggestions keptCodes, FhirDialect dialect) {
        return mapForChart(approvedNote, chart, keptCodes, dialect, Purpose.APPROVED_FOR_CHART);
    }

    /** For writing into an EHR, approved (final) or not yet ({@link Purpose#DRAFT_FOR_CHART}, preliminary). */
    public static SoapNoteResources mapForChart(StoredNote note, ChartReferences chart, BillingSuggestions codes,
                                                FhirDialect dialect, Purpose purpose) {
        if (purpose == Purpose.DRAFT_BUNDLE) {
            throw new IllegalArgumentException("a draft bundle is not written to a chart");
        }
        return map(new MappingContext(note, chart, dialect, purpose), codes);
    }

    private static SoapNoteResources map(MappingContext ctx, BillingSuggestions codes) {
        FhirDialect dialect = ctx.dialect();
        ChartReferences chart = ctx.chart();
        StoredNote note = ctx.note();
        checkRequirements(dialect, chart);
        String documentId = ctx.idOf("DocumentReference", 0);
        String deviceId = ctx.idOf("Device", 0);

        // Without a named practitioner the engine that drafted the note is its author: the Device in the
        // bundle, or (written to a chart, where no Device is written) the engine by identifier.
        Reference author = ctx.practitioner().orElseGet(() -> ctx.forChart()
                ? ProvenanceMapper.deviceByIdentifier(note.draft().engine()) : MappingContext.local(deviceId));
        DocumentReference document = NoteDocumentMapper.map(ctx, documentId, author);
        List<Condition> conditions = DiagnosisMapper.map(ctx, codes.diagnoses(), documentId);
        Optional<Claim> claim = dialect.producesClaim() ? ChargeMapper.claim(ctx, codes) : Optional.empty();
        List<ChargeItem> chargeItems = dialect.producesChargeItems()
                ? ChargeMapper.chargeItems(ctx, codes, documentId) : List.of();
        Device device = ProvenanceMapper.device(note.draft().engine(), deviceId);

        List<Reference> targets = new ArrayList<>();
        targets.add(MappingContext.local(documentId));
        conditions.forEach(c -> targets.add(local(c)));
        claim.ifPresent(c -> targets.add(local(c)));
        chargeItems.forEach(c -> targets.add(local(c)));
        Provenance provenance = ProvenanceMapper.provenance(ctx, ctx.idOf("Provenance", 0), targets, deviceId);

        List<String> omissions = new ArrayList<>();
        if (dialect.producesClaim() && claim.isEmpty() && !codes.procedures().isEmpty()) {
            omissions.add(NO_CLAIM_WITHOUT_PROVIDER);
        }
        Optional<OperationOutcome> notices = notices(ctx, note.draft().warnings(), omissions);
        return new SoapNoteResources(document, conditions, claim, chargeItems, device, provenance, notices);
    }

    private static Reference local(Resource resource) {
        return MappingContext.local(resource.getIdElement().getIdPart());
    }

    private static Optional<OperationOutcome> notices(MappingContext ctx, List<NoteWarning> warnings,
                                                      List<String> omissions) {
        if (warnings.isEmpty() && omissions.isEmpty()) {
            return Optional.empty();
        }
        OperationOutcome outcome = new OperationOutcome();
        outcome.setId(ctx.idOf("OperationOutcome", 0));
        for (NoteWarning warning : warnings) {
            OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.WARNING)
                    .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                    .setDiagnostics(warning.section() == null ? warning.code() : warning.code() + " (" + warning.section() + ")");
            issue.getDetails().setText(warning.text());
        }
        for (String omission : omissions) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                    .setCode(OperationOutcome.IssueType.INFORMATIONAL).getDetails().setText(omission);
        }
        return Optional.of(outcome);
    }
}
