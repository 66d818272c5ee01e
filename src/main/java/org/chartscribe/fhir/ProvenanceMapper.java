package org.chartscribe.fhir;

import java.util.List;
import org.chartscribe.note.EngineInfo;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

/** Who made the draft: the ChartScribe engine as a Device, and the practitioner the caller named. */
final class ProvenanceMapper {
    static final String MANUFACTURER = "ChartScribe";

    private ProvenanceMapper() {}

    static Device device(EngineInfo engine, String id) {
        Device device = new Device();
        device.setId(id);
        device.setStatus(Device.FHIRDeviceStatus.ACTIVE);
        device.setManufacturer(MANUFACTURER);
        device.addDeviceName().setName("ChartScribe " + engine.name() + " note engine")
                .setType(Device.DeviceNameType.MODELNAME);
        device.addVersion().setValue(engine.version());
        device.getType().setText("Clinical note generation software");
        return device;
    }

    /**
     * The engine as a logical reference (identifier and display, no resource id). A write-back does not
     * create a Device in the EHR: the SMART scopes do not grant it, EHRs rarely accept one from an app,
     * and one Device per note would litter the chart; the identifier still names engine and version.
     */
    static Reference deviceByIdentifier(EngineInfo engine) {
        Reference who = new Reference().setType("Device")
                .setDisplay("ChartScribe " + engine.name() + " note engine " + engine.version());
        who.getIdentifier().setSystem(FhirCanonicals.DEVICE_IDENTIFIER_SYSTEM).setValue(engine.name() + "/" + engine.version());
        return who;
    }

    static Provenance provenance(MappingContext ctx, String id, List<Reference> targets, String deviceId) {
        Provenance provenance = new Provenance();
        provenance.setId(id);
        // R4's Provenance has no identifier: the tag is what a repeated write-back searches for.
        provenance.getMeta().addTag(FhirCanonicals.PROVENANCE_TAG_SYSTEM, ctx.note().noteId(), null);
        targets.forEach(provenance::addTarget);
        provenance.setRecorded(ctx.created());
        provenance.getActivity().addCoding().setSystem(FhirCanonicals.DATA_OPERATION).setCode("CREATE").setDisplay("create");
        Provenance.ProvenanceAgentComponent engine = provenance.addAgent()
                .setWho(ctx.forChart() ? deviceByIdentifier(ctx.note().draft().engine()) : MappingContext.local(deviceId));
        engine.getType().addCoding().setSystem(FhirCanonicals.PROVENANCE_PARTICIPANT)
                .setCode("assembler").setDisplay("Assembler");
        ctx.practitioner().ifPresent(practitioner -> provenance.addAgent().setWho(practitioner).getType().addCoding()
                .setSystem(FhirCanonicals.PROVENANCE_PARTICIPANT).setCode("author").setDisplay("Author"));
        return provenance;
    }
}
