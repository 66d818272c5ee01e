package org.chartscribe.fhir;

/**
 * Canonical URLs of ChartScribe's conformance resources (in {@code fhir-profiles/}) and the external
 * code systems the mapping uses. Canonicals are identifiers, not the address of a running server.
 */
public final class FhirCanonicals {
    public static final String BASE = "https://chartscribe.org/fhir";

    public static final String NOTE_PROFILE = BASE + "/StructureDefinition/chartscribe-note";
    public static final String ENCOUNTER_DIAGNOSIS_PROFILE = BASE + "/StructureDefinition/chartscribe-condition-encounter-diagnosis";
    public static final String PROBLEM_LIST_ITEM_PROFILE = BASE + "/StructureDefinition/chartscribe-condition-problem-list-item";
    public static final String CLAIM_PROFILE = BASE + "/StructureDefinition/chartscribe-claim";
    public static final String GENERATE_SOAP_OPERATION = BASE + "/OperationDefinition/generate-soap";
    public static final String SPECIALTY_SYSTEM = BASE + "/CodeSystem/specialty";
    public static final String TEMPLATE_SYSTEM = BASE + "/CodeSystem/note-template";

    /** The note identifier system of the contract: value = noteId, so a write-back can be made idempotent. */
    public static final String NOTE_IDENTIFIER_SYSTEM = "urn:chartscribe:note";
    /** Per-resource identifiers of a write-back (value {@code noteId/ICD}, {@code noteId}, {@code noteId/CPT}). */
    public static final String CONDITION_IDENTIFIER_SYSTEM = "urn:chartscribe:condition";
    public static final String CLAIM_IDENTIFIER_SYSTEM = "urn:chartscribe:claim";
    public static final String CHARGE_ITEM_IDENTIFIER_SYSTEM = "urn:chartscribe:charge-item";
    /** Provenance has no identifier in R4: this {@code meta.tag} system (code noteId) stands in for one. */
    public static final String PROVENANCE_TAG_SYSTEM = "urn:chartscribe:provenance";
    /** The engine as an identifier-only agent ({@code name/version}): a write-back creates no Device. */
    public static final String DEVICE_IDENTIFIER_SYSTEM = "urn:chartscribe:device";

    public static final String LOINC = "http://loinc.org";
    public static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String CPT = "http://www.ama-assn.org/go/cpt";
    public static final String US_CORE_DOCREF_CATEGORY = "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category";
    public static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    public static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public static final String CONDITION_VER_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    public static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
    public static final String PROCESS_PRIORITY = "http://terminology.hl7.org/CodeSystem/processpriority";
    public static final String DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
    public static final String PROVENANCE_PARTICIPANT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

    private FhirCanonicals() {}
}
