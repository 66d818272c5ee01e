package org.chartscribe.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Reference;

/** One Condition per suggested ICD-10-CM code, provisional because a machine suggested it. */
final class DiagnosisMapper {
    private DiagnosisMapper() {}

    static List<Condition> map(MappingContext ctx, List<Icd10Suggestion> diagnoses, String documentId) {
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < diagnoses.size(); i++) {
            conditions.add(condition(ctx, diagnoses.get(i), ctx.idOf("Condition", i), documentId));
        }
        return conditions;
    }

    private static Condition condition(MappingContext ctx, Icd10Suggestion dx, String id, String documentId) {
        boolean problemList = ctx.dialect().conditionsOnProblemList();
        Condition condition = new Condition();
        condition.setId(id);
        // One per note and code, so writing the note again finds this Condition instead of adding another.
        condition.addIdentifier().setSystem(FhirCanonicals.CONDITION_IDENTIFIER_SYSTEM)
                .setValue(ctx.note().noteId() + "/" + dx.code());
        condition.getMeta().addProfile(problemList
                ? FhirCanonicals.PROBLEM_LIST_ITEM_PROFILE : FhirCanonicals.ENCOUNTER_DIAGNOSIS_PROFILE);
        condition.getClinicalStatus().addCoding().setSystem(FhirCanonicals.CONDITION_CLINICAL)
                .setCode("active").setDisplay("Active");
        // Provisional: AI-suggested, and Epic accepts only provisional Conditions from apps.
        condition.getVerificationStatus().addCoding().setSystem(FhirCanonicals.CONDITION_VER_STATUS)
                .setCode("provisional").setDisplay("Provisional");
        condition.addCategory().addCoding().setSystem(FhirCanonicals.CONDITION_CATEGORY)
                .setCode(problemList ? "problem-list-item" : "encounter-diagnosis")
                .setDisplay(problemList ? "Problem List Item" : "Encounter Diagnosis");
        CodeableConcept code = new CodeableConcept().setText(dx.display());
        code.addCoding().setSystem(FhirCanonicals.ICD_10_CM).setCode(dx.code()).setDisplay(dx.display());
        condition.setCode(code);
        condition.setSubject(ctx.subject());
        ctx.encounter().ifPresent(condition::setEncounter);
        condition.setRecordedDate(ctx.created());
        condition.addEvidence().addDetail(MappingContext.local(documentId));
        if (!dx.evidence().isEmpty()) {
            // Offsets only (never the quoted words): they index the transcript the caller sent.
            condition.addNote().setText("Suggested by ChartScribe from the encounter transcript, characters "
                    + dx.evidence().stream().map(e -> e.start() + "-" + e.end()).collect(Collectors.joining(", ")));
        }
        return condition;
    }

    static Reference reference(String conditionId) {
        return MappingContext.local(conditionId);
    }
}
