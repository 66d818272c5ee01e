package org.chartscribe.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FallbackAndMergeTest {

    private static final NoteRequest REQUEST = new NoteRequest("Doctor: The knee is swollen.", Specialties.generic(),
            Template.STANDARD, false, PatientHints.NONE);

    private static NoteEngine engine(String name, RuntimeException failure) {
        return new NoteEngine() {
            @Override
            public EngineInfo info() {
                return new EngineInfo(name, "1");
            }

            @Override
            public DraftNote generate(NoteRequest request) {
                if (failure != null) {
                    throw failure;
                }
                return new DraftNote(Map.of(), List.of(), info());
            }
        };
    }

    @Test
    void autoFallsBackToEmbeddedWithAWarningThatSaysWhy() {
        NoteEngine failing = engine("llm", new EngineFailedException(EngineFailedException.Failure.UNAVAILABLE,
                "the model provider failed (HTTP 500)"));
        NoteEngines engines = new NoteEngines(engine("embedded", null), Optional.of(failing));

        DraftNote note = engines.select(EngineChoice.AUTO).generate(REQUEST);
        assertThat(note.engine().name()).isEqualTo("embedded");
        assertThat(note.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(FallbackNoteEngine.LLM_FALLBACK);
            assertThat(w.text()).contains("HTTP 500");
        });
        // asked for by name, the LLM's failure is the caller's answer
        assertThatThrownBy(() -> engines.select(EngineChoice.LLM).generate(REQUEST)).isInstanceOf(EngineFailedException.class);
    }

    @Test
    void autoWithoutAnLlmIsEmbeddedAndLlmIsUnavailable() {
        NoteEngines engines = new NoteEngines(engine("embedded", null), Optional.empty());
        assertThat(engines.select(EngineChoice.AUTO).info().name()).isEqualTo("embedded");
        assertThatThrownBy(() -> engines.select(EngineChoice.LLM)).isInstanceOf(EngineUnavailableException.class);
    }

    @Test
    void theEmbeddedCoderStaysTheBaselineAndEachCodeSaysWhoProposedIt() {
        BillingCodes.CodeSets sets = new BillingCodes.CodeSets("FY2026", "E/M");
        BillingCodes embedded = new BillingCodes(List.of(
                new BillingCodes.Diagnosis("M54.50", "Low back pain, unspecified", 0.8, List.of(), "stated"),
                new BillingCodes.Diagnosis("I10", "Essential (primary) hypertension", 0.6, List.of(), "stated")),
                List.of(new BillingCodes.Procedure("99213", "Office visit", 0.7, "MDM low")), sets);
        BillingCodes llm = new BillingCodes(List.of(
                new BillingCodes.Diagnosis("S39.012A", "Strain of lower back", 0.5, List.of(), "strain"),
                new BillingCodes.Diagnosis("M54.50", "Low back pain, unspecified", 0.5, List.of(), "pain")),
                List.of(), new BillingCodes.CodeSets("FY2026", null));

        BillingCodes merged = BillingCodes.merge(embedded, llm);
        assertThat(merged.icd10()).extracting(BillingCodes.Diagnosis::code).containsExactly("M54.50", "I10", "S39.012A");
        assertThat(merged.icd10()).extracting(BillingCodes.Diagnosis::proposedBy).containsExactly(
                List.of("embedded", "llm"), List.of("embedded"), List.of("llm"));
        assertThat(merged.icd10().get(0).confidence()).isEqualTo(0.8);
        assertThat(merged.cpt().get(0).proposedBy()).containsExactly("embedded");
        assertThat(merged.codeSets()).isEqualTo(sets);
        assertThat(BillingCodes.merge(embedded, null).icd10()).allSatisfy(d -> assertThat(d.proposedBy()).containsExactly("embedded"));
    }
}
