package org.chartscribe.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Resource;

/**
 * Everything produced for one note. {@code notices} is present when the engine warned or something
 * was left out (e.g. billing codes unavailable), so an empty list of Conditions is never mistaken
 * for "no diagnosis applies".
 */
public record SoapNoteResources(DocumentReference note, List<Condition> conditions, Optional<Claim> claim,
                                List<ChargeItem> chargeItems, Device device, Provenance provenance,
                                Optional<OperationOutcome> notices) {

    public SoapNoteResources {
        conditions = List.copyOf(conditions);
        chargeItems = List.copyOf(chargeItems);
    }

    /** Every resource, in bundle order: the note first, the provenance after what it describes. */
    public List<Resource> all() {
        List<Resource> all = new ArrayList<>();
        all.add(note);
        all.addAll(conditions);
        claim.ifPresent(all::add);
        all.addAll(chargeItems);
        all.add(device);
        all.add(provenance);
        notices.ifPresent(all::add);
        return all;
    }

    /** A {@code collection} Bundle; each entry's fullUrl is the {@code urn:uuid:} its siblings reference. */
    public Bundle toBundle() {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(note.getDate());
        for (Resource resource : all()) {
            bundle.addEntry().setFullUrl("urn:uuid:" + resource.getIdElement().getIdPart()).setResource(resource);
        }
        return bundle;
    }
}
