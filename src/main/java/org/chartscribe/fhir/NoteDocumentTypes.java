package org.chartscribe.fhir;

import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;

/**
 * The LOINC document type of a note per specialty. Only codes whose meaning matches the specialty
 * exactly are used; everything else is the general {@code 11506-3} Progress note.
 */
final class NoteDocumentTypes {
    record LoincType(String code, String display) {}

    static final LoincType PROGRESS_NOTE = new LoincType("11506-3", "Progress note");

    private static final Map<String, LoincType> BY_SPECIALTY = Map.ofEntries(
            Map.entry("physical_therapy", new LoincType("11508-9", "Physical therapy Progress note")),
            Map.entry("occupational_therapy", new LoincType("11507-1", "Occupational therapy Progress note")),
            Map.entry("speech_language_pathology", new LoincType("11512-1", "Speech-language pathology Progress note")),
            Map.entry("podiatrist", new LoincType("11509-7", "Podiatry Progress note")),
            Map.entry("psychiatrist", new LoincType("28627-8", "Psychiatry Progress note")),
            Map.entry("social_worker", new LoincType("28656-7", "Social work Progress note")),
            Map.entry("dentist", new LoincType("28617-9", "Dentistry Progress note")),
            Map.entry("chiropractor", new LoincType("28580-9", "Chiropractic medicine Progress note")),
            Map.entry("genetic_counseling", new LoincType("68659-2", "Clinical genetics Progress note")),
            Map.entry("registered_nurse", new LoincType("34746-8", "Nurse Note")));

    private NoteDocumentTypes() {}

    static LoincType forSpecialty(String specialtyId) {
        return BY_SPECIALTY.getOrDefault(specialtyId, PROGRESS_NOTE);
    }

    static CodeableConcept concept(String specialtyId) {
        LoincType type = forSpecialty(specialtyId);
        CodeableConcept concept = new CodeableConcept().setText(type.display());
        concept.addCoding().setSystem(FhirCanonicals.LOINC).setCode(type.code()).setDisplay(type.display());
        return concept;
    }
}
