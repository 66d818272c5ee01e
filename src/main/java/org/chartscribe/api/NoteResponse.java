package org.chartscribe.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chartscribe.note.BillingCodes;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.EngineInfo;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.NoteWarning;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.StoredNote;

/** The note as the contract names its keys. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NoteResponse(
        String noteId,
        String subjective,
        String objective,
        String assessment,
        String plan,
        String specialty,
        String template,
        Map<String, List<NoteSection>> sections,
        @JsonProperty("billing_codes") BillingCodesBody billingCodes,
        List<NoteWarning> warnings,
        EngineInfo engine,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("expires_at") Instant expiresAt) {

    public static NoteResponse of(StoredNote note) {
        DraftNote draft = note.draft();
        Map<String, List<NoteSection>> sections = new LinkedHashMap<>();
        for (SoapPart part : SoapPart.values()) {
            sections.put(part.key(), draft.sections(part));
        }
        return new NoteResponse(note.noteId(),
                draft.render(SoapPart.SUBJECTIVE), draft.render(SoapPart.OBJECTIVE),
                draft.render(SoapPart.ASSESSMENT), draft.render(SoapPart.PLAN),
                note.specialty(), note.template(), sections, BillingCodesBody.of(draft.billingCodes()),
                draft.warnings(), draft.engine(),
                note.createdAt(), note.expiresAt());
    }

    /** {@code billing_codes} as the contract names its keys; absent unless the request asked for codes. */
    record BillingCodesBody(List<BillingCodes.Diagnosis> icd10, List<BillingCodes.Procedure> cpt,
                            @JsonProperty("code_sets") BillingCodes.CodeSets codeSets) {
        static BillingCodesBody of(BillingCodes codes) {
            return codes == null ? null : new BillingCodesBody(codes.icd10(), codes.cpt(), codes.codeSets());
        }
    }

    /** Redacted: Spring MVC logs bodies at DEBUG through toString, and this one carries PHI. */
    @Override
    public String toString() {
        return "NoteResponse[noteId=" + noteId + ", specialty=" + specialty + ", template=" + template + "]";
    }
}
