package org.chartscribe.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Reference;

/** Suggested charges: a draft Claim (generic) or one ChargeItem per CPT code (Oracle Health). */
final class ChargeMapper {
    /** An 837P claim line carries at most four diagnosis pointers. */
    private static final int MAX_POINTERS = 4;
    static final String COVERAGE_DISPLAY = "Coverage not looked up (needs an EHR connection)";

    private ChargeMapper() {}

    /**
     * A Claim only when there is something to bill and someone to bill as: an item-less Claim would
     * validate but mean nothing, and {@code provider} is required.
     */
    static Optional<Claim> claim(MappingContext ctx, BillingSuggestions codes) {
        Optional<Reference> provider = ctx.practitioner();
        if (codes.procedures().isEmpty() || provider.isEmpty()) {
            return Optional.empty();
        }
        Claim claim = new Claim();
        claim.setId(ctx.idOf("Claim", 0));
        claim.addIdentifier().setSystem(FhirCanonicals.CLAIM_IDENTIFIER_SYSTEM).setValue(ctx.note().noteId());
        claim.getMeta().addProfile(FhirCanonicals.CLAIM_PROFILE);
        claim.setStatus(Claim.ClaimStatus.DRAFT);
        claim.getType().addCoding().setSystem(FhirCanonicals.CLAIM_TYPE).setCode("professional").setDisplay("Professional");
        claim.setUse(Claim.Use.CLAIM);
        claim.setPatient(ctx.subject());
        claim.setCreated(ctx.created());
        claim.setProvider(provider.get());
        claim.getPriority().addCoding().setSystem(FhirCanonicals.PROCESS_PRIORITY).setCode("normal").setDisplay("Normal");
        // The patient's Coverage is looked up in the EHR once SMART is in place; until then the slot
        // the Claim requires holds a display-only reference that says so.
        claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference().setDisplay(COVERAGE_DISPLAY));
        List<Icd10Suggestion> diagnoses = codes.diagnoses();
        for (int i = 0; i < diagnoses.size(); i++) {
            claim.addDiagnosis().setSequence(i + 1).setDiagnosis(icd(diagnoses.get(i)));
        }
        List<CptSuggestion> procedures = codes.procedures();
        for (int i = 0; i < procedures.size(); i++) {
            CptSuggestion procedure = procedures.get(i);
            Claim.ItemComponent item = claim.addItem().setSequence(i + 1).setProductOrService(cpt(procedure));
            for (String modifier : procedure.modifiers()) {
                item.addModifier().addCoding().setSystem(FhirCanonicals.CPT).setCode(modifier);
            }
            for (int d = 1; d <= Math.min(diagnoses.size(), MAX_POINTERS); d++) {
                item.addDiagnosisSequence(d);
            }
            ctx.encounter().ifPresent(item::addEncounter);
        }
        return Optional.of(claim);
    }

    /** Oracle Health takes charges as ChargeItems (via its ChargeItem/$create), one per CPT code. */
    static List<ChargeItem> chargeItems(MappingContext ctx, BillingSuggestions codes, String documentId) {
        List<ChargeItem> items = new ArrayList<>();
        for (int i = 0; i < codes.procedures().size(); i++) {
            ChargeItem item = new ChargeItem();
            item.setId(ctx.idOf("ChargeItem", i));
            item.addIdentifier().setSystem(FhirCanonicals.CHARGE_ITEM_IDENTIFIER_SYSTEM)
                    .setValue(ctx.note().noteId() + "/" + notation(codes.procedures().get(i)));
            // Planned: suggested by a machine, not yet billable until someone reviews it.
            item.setStatus(ChargeItem.ChargeItemStatus.PLANNED);
            item.setCode(cpt(codes.procedures().get(i)));
            item.setSubject(ctx.subject());
            ctx.encounter().ifPresent(item::setContext);
            item.setOccurrence(new org.hl7.fhir.r4.model.DateTimeType(ctx.created()));
            item.setEnteredDate(ctx.created());
            codes.diagnoses().forEach(dx -> item.addReason(icd(dx)));
            item.addSupportingInformation(MappingContext.local(documentId));
            items.add(item);
        }
        return items;
    }

    /** The code with its modifiers, as the coder writes it ({@code 99214-25}): another modifier is another charge. */
    private static String notation(CptSuggestion procedure) {
        return procedure.modifiers().isEmpty() ? procedure.code()
                : procedure.code() + "-" + String.join("-", procedure.modifiers());
    }

    private static CodeableConcept icd(Icd10Suggestion dx) {
        CodeableConcept concept = new CodeableConcept().setText(dx.display());
        concept.addCoding().setSystem(FhirCanonicals.ICD_10_CM).setCode(dx.code()).setDisplay(dx.display());
        return concept;
    }

    private static CodeableConcept cpt(CptSuggestion procedure) {
        CodeableConcept concept = new CodeableConcept().setText(procedure.description());
        concept.addCoding().setSystem(FhirCanonicals.CPT).setCode(procedure.code()).setDisplay(procedure.description());
        return concept;
    }
}
