package org.chartscribe.smart.app;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chartscribe.api.ApiException;
import org.chartscribe.api.FieldError;
import org.chartscribe.fhir.ApprovedNote;
import org.chartscribe.note.BillingCodes;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.StoredNote;

/**
 * Checks an approval against the stored draft and builds the note as approved: the clinician's text per
 * SOAP division (as {@link ApprovedNote} renders it) and the draft's codes cut down to the kept ones.
 */
final class ApprovedNotes {
    /** Per division; the whole request is also bounded by the request size limit. */
    static final int MAX_SECTION_CHARS = 100_000;

    private ApprovedNotes() {}

    record Approval(StoredNote note, BillingCodes keptCodes) {}

    static Approval approve(StoredNote draft, ApproveRequest body) {
        List<FieldError> errors = new ArrayList<>();
        Map<SoapPart, String> texts = new EnumMap<>(SoapPart.class);
        texts.put(SoapPart.SUBJECTIVE, body.subjective());
        texts.put(SoapPart.OBJECTIVE, body.objective());
        texts.put(SoapPart.ASSESSMENT, body.assessment());
        texts.put(SoapPart.PLAN, body.plan());
        texts.forEach((part, text) -> {
            if (text == null || text.isBlank()) {
                errors.add(new FieldError(part.key(), "is required"));
            } else if (text.length() > MAX_SECTION_CHARS) {
                errors.add(new FieldError(part.key(), "must be at most 100,000 characters"));
            }
        });
        BillingCodes suggested = draft.draft().billingCodes();
        Set<String> icd10 = kept("icd10", body.icd10(),
                suggested == null ? Set.of() : codes(suggested.icd10().stream().map(BillingCodes.Diagnosis::code).toList()), errors);
        Set<String> cpt = kept("cpt", body.cpt(),
                suggested == null ? Set.of() : codes(suggested.cpt().stream().map(BillingCodes.Procedure::code).toList()), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        BillingCodes keptCodes = suggested == null ? null : new BillingCodes(
                suggested.icd10().stream().filter(dx -> icd10.contains(dx.code())).toList(),
                suggested.cpt().stream().filter(px -> cpt.contains(px.code())).toList(),
                suggested.codeSets());
        return new Approval(approvedNote(draft, texts, keptCodes), keptCodes);
    }

    /** The note as approved ({@link ApprovedNote}: each division as the clinician left it), with only the kept codes. */
    static StoredNote approvedNote(StoredNote draft, Map<SoapPart, String> texts, BillingCodes keptCodes) {
        StoredNote approved = ApprovedNote.of(draft, texts);
        DraftNote withKept = new DraftNote(approved.draft().sections(), approved.draft().warnings(),
                approved.draft().engine(), keptCodes);
        return new StoredNote(approved.noteId(), approved.tenantId(), approved.specialty(), approved.template(),
                withKept, approved.createdAt(), approved.expiresAt());
    }

    private static Set<String> codes(List<String> codes) {
        return new LinkedHashSet<>(codes);
    }

    private static Set<String> kept(String field, List<String> sent, Set<String> suggested, List<FieldError> errors) {
        Set<String> kept = new LinkedHashSet<>();
        if (sent == null) {
            return kept;
        }
        for (int i = 0; i < sent.size(); i++) {
            String code = sent.get(i);
            if (code == null || !suggested.contains(code)) {
                errors.add(new FieldError(field + "[" + i + "]", "is not one of this note's suggested codes"));
            } else {
                kept.add(code);
            }
        }
        return kept;
    }
}
