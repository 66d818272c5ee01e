package org.chartscribe.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chartscribe.note.BillingCodes;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.EngineInfo;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.NoteWarning;
import org.chartscribe.note.RecognisedTranscript;
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
        @JsonProperty("expires_at") Instant expiresAt,
        @Schema(description = "only on a note written from a recording: what was heard, with speaker-labelled "
                + "segments; the note's evidence offsets index its text") TranscriptBody transcript) {

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
                note.createdAt(), note.expiresAt(), TranscriptBody.of(draft.transcript()));
    }

    /** {@code transcript} as the contract names its keys. */
    record TranscriptBody(String text, List<SegmentBody> segments) {
        static TranscriptBody of(RecognisedTranscript heard) {
            return heard == null ? null : new TranscriptBody(heard.text(), heard.segments().stream()
                    .map(s -> new SegmentBody(s.speaker(), s.startMs(), s.endMs(), s.text())).toList());
        }
    }

    record SegmentBody(@Schema(description = "clinician, patient or unknown") String speaker,
                       @JsonProperty("start_ms") long startMs, @JsonProperty("end_ms") long endMs, String text) {}

    /** {@code billing_codes} as the contract names its keys; absent unless the request asked for codes. */
    record BillingCodesBody(List<DiagnosisBody> icd10, List<ProcedureBody> cpt,
                            @JsonProperty("code_sets") BillingCodes.CodeSets codeSets) {
        static BillingCodesBody of(BillingCodes codes) {
            return codes == null ? null : new BillingCodesBody(codes.icd10().stream().map(DiagnosisBody::of).toList(),
                    codes.cpt().stream().map(ProcedureBody::of).toList(), codes.codeSets());
        }
    }

    /**
     * An ICD-10-CM suggestion. {@code proposed_by} (an addition to the contract's fields) lists the engines
     * that proposed the code: {@code embedded} (the built-in coder, the baseline) and/or {@code llm}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DiagnosisBody(String code, String description, double confidence, List<Evidence> evidence, String rationale,
                         @JsonProperty("proposed_by") @Schema(description = "engines that proposed the code: embedded, llm",
                                 example = "[\"embedded\", \"llm\"]") List<String> proposedBy) {
        static DiagnosisBody of(BillingCodes.Diagnosis d) {
            return new DiagnosisBody(d.code(), d.description(), d.confidence(), d.evidence(), d.rationale(), d.proposedBy());
        }
    }

    /**
     * A CPT suggestion: {@code code} is the bare 5-character CPT or HCPCS code, {@code modifiers} (an
     * addition to the contract's fields, always present, possibly empty) the modifiers that go with it;
     * {@code proposed_by} as for diagnoses (CPT codes come from the embedded coder only).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProcedureBody(@Schema(description = "bare 5-character CPT or HCPCS code, never with modifiers appended",
                                 example = "99214") String code,
                         String description, double confidence,
                         @Schema(description = "why the code and each modifier apply") String rationale,
                         @Schema(description = "CPT modifiers for this code, e.g. 25 (separate E/M on a procedure"
                                 + " or preventive day) and 95 (synchronous telehealth)", example = "[\"25\", \"95\"]")
                         List<String> modifiers,
                         @JsonProperty("proposed_by") @Schema(description = "engines that proposed the code: embedded")
                         List<String> proposedBy) {
        static ProcedureBody of(BillingCodes.Procedure p) {
            return new ProcedureBody(p.code(), p.description(), p.confidence(), p.rationale(), p.modifiers(), p.proposedBy());
        }
    }

    /** Redacted: Spring MVC logs bodies at DEBUG through toString, and this one carries PHI. */
    @Override
    public String toString() {
        return "NoteResponse[noteId=" + noteId + ", specialty=" + specialty + ", template=" + template + "]";
    }
}
