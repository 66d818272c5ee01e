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

    static Provenance provenance(MappingContext ctx, String id, List<Reference> targets, String deviceId) {
        Provenance provenance = new Provenance();
        provenance.setId(id);
        targets.forEach(provenance::addTarget);
        provenance.setRecorded(ctx.created());
        provenance.getActivity().addCoding().setSystem(FhirCanonicals.DATA_OPERATION).setCode("CREATE").setDisplay("create");
        Provenance.ProvenanceAgentComponent engine = provenance.addAgent().setWho(MappingContext.local(deviceId));
        engine.getType().addCoding().setSystem(FhirCanonicals.PROVENANCE_PARTICIPANT)
                .setCode("assembler").setDisplay("Assembler");
        ctx.practitioner().ifPresent(practitioner -> provenance.addAgent().setWho(practitioner).getType().addCoding()
                .setSystem(FhirCanonicals.PROVENANCE_PARTICIPANT).setCode("author").setDisplay("Author"));
        return provenance;
    }
}
