package org.chartscribe.smart.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chartscribe.api.ApiException;
import org.chartscribe.note.BillingCodes;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.EngineInfo;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.NoteWarning;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.StoredNote;
import org.junit.jupiter.api.Test;

class ApprovedNotesTest {
    private static final BillingCodes CODES = new BillingCodes(
            List.of(new BillingCodes.Diagnosis("J45.40", "Moderate persistent asthma, uncomplicated", 0.9,
                            List.of(new Evidence(0, 5)), "stated"),
                    new BillingCodes.Diagnosis("R05.9", "Cough, unspecified", 0.5, List.of(), "symptom")),
            List.of(new BillingCodes.Procedure("99214", "Office visit", 0.7, "MDM moderate; modifier 25", List.of("25"))),
            new BillingCodes.CodeSets("test", "test"));
    private static final StoredNote DRAFT = new StoredNote("note_01JABCDEFGHJKMNPQRSTVWXYZ0", "tenant", "physician",
            "standard", new DraftNote(Map.of(
                    SoapPart.SUBJECTIVE, List.of(new NoteSection("HPI", "wheeze", List.of(new Evidence(0, 5)))),
                    SoapPart.PLAN, List.of(new NoteSection("Plan", "inhaler", List.of()))),
                    List.of(new NoteWarning("UNSUPPORTED_FACT", "plan", "check")), new EngineInfo("embedded", "0"), CODES),
            Instant.parse("2026-12-04T08:00:00Z"), Instant.parse("2026-12-05T08:00:00Z"));

    private static ApproveRequest request(String plan, List<String> icd10, List<String> cpt) {
        return new ApproveRequest("S edited", "O edited", "A edited", plan, icd10, cpt);
    }

    @Test
    void theApprovedNoteHoldsTheEditedTextsAndOnlyTheKeptCodes() {
        ApprovedNotes.Approval approval = ApprovedNotes.approve(DRAFT, request("  P edited\n", List.of("R05.9"), List.of()));
        StoredNote note = approval.note();
        assertThat(note.noteId()).isEqualTo(DRAFT.noteId());
        assertThat(note.tenantId()).isEqualTo("tenant");
        assertThat(note.draft().sections(SoapPart.PLAN)).singleElement()
                .satisfies(s -> assertThat(s.text()).isEqualTo("P edited"))
                .satisfies(s -> assertThat(s.evidence()).isEmpty());
        // The division reads exactly as the clinician left it: no heading is added to the edited text.
        assertThat(note.draft().render(SoapPart.SUBJECTIVE)).isEqualTo("S edited");
        // The engine's warnings were about its draft; the clinician has reviewed the text since.
        assertThat(note.draft().warnings()).isEmpty();
        assertThat(approval.keptCodes().icd10()).extracting(BillingCodes.Diagnosis::code).containsExactly("R05.9");
        assertThat(approval.keptCodes().cpt()).isEmpty();
        assertThat(note.draft().billingCodes()).isEqualTo(approval.keptCodes());
    }

    @Test
    void keptCptCodesKeepTheirModifiers() {
        ApprovedNotes.Approval approval = ApprovedNotes.approve(DRAFT,
                request("P", List.of("J45.40", "J45.40"), List.of("99214")));
        assertThat(approval.keptCodes().icd10()).hasSize(1);
        assertThat(approval.keptCodes().cpt()).singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("99214"))
                .satisfies(p -> assertThat(p.modifiers()).containsExactly("25"));
    }

    @Test
    void aStoredNoteWithModifiersAfterHyphensReadsBackAsBareCodeAndModifiers() {
        BillingCodes.Procedure legacy = new BillingCodes.Procedure("99214-25-95", "Office visit", 0.7, "MDM", null, null);
        assertThat(legacy.code()).isEqualTo("99214");
        assertThat(legacy.modifiers()).containsExactly("25", "95");
    }

    @Test
    void everyProblemIsReportedWithoutEchoingTheText() {
        assertThatThrownBy(() -> ApprovedNotes.approve(DRAFT,
                new ApproveRequest(null, " ", "A", "P", List.of("E11.9"), java.util.Arrays.asList((String) null))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors())
                        .extracting(org.chartscribe.api.FieldError::field)
                        .containsExactlyInAnyOrder("subjective", "objective", "icd10[0]", "cpt[0]"));
    }

    @Test
    void aNoteWithoutCodesAcceptsNone() {
        StoredNote noCodes = new StoredNote(DRAFT.noteId(), "tenant", "physician", "standard",
                new DraftNote(Map.of(), List.of(), new EngineInfo("embedded", "0")), DRAFT.createdAt(), DRAFT.expiresAt());
        assertThat(ApprovedNotes.approve(noCodes, request("P", null, null)).keptCodes()).isNull();
        assertThatThrownBy(() -> ApprovedNotes.approve(noCodes, request("P", List.of("J45.40"), null)))
                .isInstanceOf(ApiException.class);
    }
}
