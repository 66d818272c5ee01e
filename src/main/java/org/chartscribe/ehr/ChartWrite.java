package org.chartscribe.ehr;

import ca.uhn.fhir.util.FhirTerser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.chartscribe.ehr.EhrSession.Stored;
import org.chartscribe.ehr.WriteBackResult.Outcome;
import org.chartscribe.ehr.WriteBackResult.Written;
import org.chartscribe.fhir.FhirCanonicals;
import org.chartscribe.fhir.SoapNoteResources;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * One write-back, in chart order: the note (DocumentReference) first, because everything else points at
 * it or bills for it; then the Conditions (evidence = the note's EHR id), the Claim (insurance = the
 * patient's active Coverage) or ChargeItems; the Provenance last, once everything it names is in the
 * chart, so a retry that completes a partial write-back still gets one Provenance naming all of it.
 * Each resource is a retried step "search by identifier, else conditional create": approving twice, or
 * a retry after a lost answer, finds the earlier resource instead of making another.
 */
final class ChartWrite {
    static final String NOTE_MISSING =
            "Not written: the note (DocumentReference) is not in the chart yet. Nothing is lost: approve again later.";
    static final String PROVENANCE_WAITS =
            "Not written yet: the Provenance is written once everything it describes is in the chart.";

    static final String NO_ACTIVE_COVERAGE = "No active Coverage found in the EHR for this patient";
    static final String COVERAGE_LOOKUP_FAILED = "Coverage could not be looked up in the EHR";

    private final EhrSession ehr;
    private final Retrying retrying;
    private final FhirTerser terser;
    private final SoapNoteResources resources;
    private final Optional<Reference> patient;
    /** The mapper's {@code urn:uuid:} ids to the EHR's {@code Type/id}. */
    private final Map<String, String> serverIds = new HashMap<>();
    private final List<Written> results = new ArrayList<>();
    private final Clock clock;
    private final Duration budget;
    /** No resource is started after this: set when the run starts. */
    private Instant deadline = Instant.MAX;

    ChartWrite(EhrSession ehr, Retrying retrying, FhirTerser terser, SoapNoteResources resources,
               Optional<Reference> patient, Clock clock, Duration budget) {
        this.clock = clock;
        this.budget = budget;
        this.ehr = ehr;
        this.retrying = retrying;
        this.terser = terser;
        this.resources = resources;
        this.patient = patient;
    }

    WriteBackResult run() {
        deadline = clock.instant().plus(budget);
        List<Resource> dependents = new ArrayList<>(resources.conditions());
        resources.claim().ifPresent(dependents::add);
        dependents.addAll(resources.chargeItems());
        dependents.add(resources.provenance());

        if (!write(resources.note(), () -> byIdentifier(resources.note()))) {
            dependents.forEach(r -> failed(r.fhirType(), NOTE_MISSING));
            return new WriteBackResult(results);
        }
        resources.conditions().forEach(c -> write(c, () -> byIdentifier(c)));
        resources.claim().ifPresent(claim -> write(withCoverage(claim), () -> byIdentifier(claim)));
        resources.chargeItems().forEach(item -> write(item, () -> chargeItem(item)));
        if (results.stream().anyMatch(r -> r.outcome() == Outcome.FAILED)) {
            failed("Provenance", PROVENANCE_WAITS);
        } else {
            write(resources.provenance(), () -> provenance(resources.provenance()));
        }
        return new WriteBackResult(results);
    }

    /** Writes one resource (its references to earlier ones made EHR references first); false when it failed. */
    private boolean write(Resource resource, Supplier<Stored> step) {
        String type = resource.fhirType();
        if (clock.instant().isAfter(deadline)) {
            String after = budget.toMillis() % 1000 == 0 ? budget.toSeconds() + " s" : budget.toMillis() + " ms";
            failed(type, "Not written: the EHR was too slow, and the write-back stopped after " + after
                    + ". Nothing is lost: approve again later to complete it.");
            return false;
        }
        String localId = resource.getIdElement().getIdPart();
        resolveReferences(resource);
        try {
            Stored stored = retrying.run(type, ehr.requests(), step);
            String id = stored.id().getIdPart();
            serverIds.put(localId, type + "/" + id);
            results.add(new Written(type, stored.created() ? Outcome.CREATED : Outcome.EXISTING, Optional.of(id),
                    Optional.of(url(type, id)), Optional.empty()));
            return true;
        } catch (EhrCallFailed e) {
            failed(type, e.getMessage());
            return false;
        }
    }

    private Stored byIdentifier(Resource resource) {
        Identifier identifier = terser.getValues(resource, "identifier", Identifier.class).stream()
                .filter(i -> i.hasSystem() && i.getSystem().startsWith("urn:chartscribe:")).findFirst().orElseThrow();
        String system = identifier.getSystem();
        String value = identifier.getValue();
        return ehr.findByToken(resource.getClass(), "identifier", system, value, searchablePatient())
                .map(id -> new Stored(id, false))
                // Scoped to the patient as the search is: a match in another chart is never "ours".
                .orElseGet(() -> ehr.create(resource, "identifier=" + token(system, value) + searchablePatient()
                        .map(p -> "&patient=" + p.getReferenceElement().toUnqualifiedVersionless().getValue()).orElse("")));
    }

    private Stored chargeItem(ChargeItem item) {
        Identifier identifier = item.getIdentifierFirstRep();
        return ehr.findByToken(ChargeItem.class, "identifier", identifier.getSystem(), identifier.getValue(),
                        searchablePatient())
                .map(id -> new Stored(id, false))
                .orElseGet(() -> ehr.createChargeItem(item));
    }

    private Stored provenance(Provenance provenance) {
        String noteId = provenance.getMeta().getTag().stream()
                .filter(t -> FhirCanonicals.PROVENANCE_TAG_SYSTEM.equals(t.getSystem())).findFirst().orElseThrow().getCode();
        // No patient here: Provenance?patient means a Patient among the targets, and ours has none.
        return ehr.findByToken(Provenance.class, "_tag", FhirCanonicals.PROVENANCE_TAG_SYSTEM, noteId, Optional.empty())
                .map(id -> new Stored(id, false))
                .orElseGet(() -> ehr.create(provenance, "_tag=" + token(FhirCanonicals.PROVENANCE_TAG_SYSTEM, noteId)));
    }

    /**
     * The Claim's insurance is the patient's active Coverage in this EHR. When the search fails or finds
     * none, a display-only reference says so: a draft Claim is still worth writing, and a biller picks
     * the coverage.
     */
    private Claim withCoverage(Claim claim) {
        if (searchablePatient().isEmpty()) {
            return claim;
        }
        Reference coverage;
        try {
            coverage = retrying.run("Coverage", ehr.requests(), () -> ehr.activeCoverage(patient.get()))
                    .orElseGet(() -> new Reference().setDisplay(NO_ACTIVE_COVERAGE));
        } catch (EhrCallFailed e) {
            coverage = new Reference().setDisplay(COVERAGE_LOOKUP_FAILED);
        }
        claim.getInsuranceFirstRep().setCoverage(coverage);
        return claim;
    }

    private Optional<Reference> searchablePatient() {
        return patient.filter(p -> p.hasReference() && p.getReferenceElement().hasIdPart());
    }

    private void resolveReferences(Resource resource) {
        for (Reference reference : terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
            String ref = reference.getReference();
            if (ref != null && ref.startsWith("urn:uuid:")) {
                String server = serverIds.get(ref.substring("urn:uuid:".length()));
                if (server != null) {
                    reference.setReference(server);
                }
            }
        }
    }

    private void failed(String type, String error) {
        results.add(new Written(type, Outcome.FAILED, Optional.empty(), Optional.empty(), Optional.of(error)));
    }

    private String url(String type, String id) {
        String base = ehr.baseUrl();
        return (base.endsWith("/") ? base : base + "/") + type + "/" + id;
    }

    /** A token search value: {@code |} and {@code ,} inside it are escaped as FHIR search requires. */
    private static String token(String system, String value) {
        return escape(system) + "|" + escape(value);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace(",", "\\,").replace("$", "\\$");
    }
}
