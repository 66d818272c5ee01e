package org.chartscribe.note.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.chartscribe.coding.Icd10CodeSet;
import org.chartscribe.note.BillingCodes;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.EngineFailedException;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.NoteWarning;
import org.chartscribe.note.PatientHints;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Template;
import org.junit.jupiter.api.Test;

class LlmNoteEngineTest {

    private static final String TRANSCRIPT = ModelAnswers.lowBackPainTranscript();
    private static final PromptLibrary PROMPTS = new PromptLibrary();
    private static final Icd10CodeSet CODES = new Icd10CodeSet(Map.of(
            "M54.50", "Low back pain, unspecified",
            "S39.012A", "Strain of muscle, fascia and tendon of lower back, initial encounter"),
            Set.of("M54.5"), "FY2026", "test subset");

    /** Answers from a script, in order, and keeps what it was sent. */
    static final class ScriptedModel implements LlmClient {
        final Deque<String> answers;
        final List<List<LlmMessage>> calls = new ArrayList<>();

        ScriptedModel(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public String complete(List<LlmMessage> messages, Consumer<String> partial) {
            calls.add(messages);
            String answer = answers.removeFirst();
            partial.accept(answer);
            return answer;
        }

        @Override
        public String model() {
            return "test-model";
        }
    }

    private static LlmNoteEngine engine(LlmClient model) {
        return new LlmNoteEngine(model, PROMPTS, CODES, new LlmNoteEngine.Limits(128_000, 4_096));
    }

    private static NoteRequest request(String transcript, boolean codes) {
        return new NoteRequest(transcript, Specialties.byId("nurse_practitioner").orElseThrow(), Template.STANDARD,
                codes, PatientHints.NONE);
    }

    private static List<NoteWarning> warnings(DraftNote note, String code) {
        return note.warnings().stream().filter(w -> w.code().equals(code)).toList();
    }

    @Test
    void aFaithfulAnswerBecomesTheNoteWithEvidenceOffsetsAndNoWarnings() {
        ScriptedModel model = new ScriptedModel(ModelAnswers.lowBackPain());
        List<String> partials = new ArrayList<>();
        DraftNote note = engine(model).generate(request(TRANSCRIPT, false), partials::add);

        assertThat(note.engine().name()).isEqualTo("llm");
        assertThat(note.engine().version()).isEqualTo("test-model");
        assertThat(note.warnings()).isEmpty();
        assertThat(note.billingCodes()).isNull();
        assertThat(partials).hasSize(1);
        assertThat(note.sections(SoapPart.PLAN)).extracting(NoteSection::heading)
                .containsExactly("Plan", "Referrals", "Follow-up");

        NoteSection vitals = note.sections(SoapPart.OBJECTIVE).get(0);
        String quote = "Your blood pressure is 128/82 and your heart rate is 76.";
        int at = TRANSCRIPT.indexOf(quote);
        assertThat(vitals.evidence()).containsExactly(new Evidence(at, at + quote.length()));

        // the model changed case and spacing: the span still covers the sentence as the transcript has it
        Evidence exam = note.sections(SoapPart.OBJECTIVE).get(1).evidence().get(0);
        assertThat(TRANSCRIPT.substring(exam.start(), exam.end()))
                .isEqualTo("There is tenderness over the lumbar paraspinal muscles on both sides.");
    }

    @Test
    void thePromptCarriesTheRulesTheHeadingsAndTheTranscriptOnce() {
        ScriptedModel model = new ScriptedModel(ModelAnswers.lowBackPain());
        engine(model).generate(request(TRANSCRIPT, false));

        List<LlmMessage> sent = model.calls.get(0);
        assertThat(sent).extracting(LlmMessage::role).containsExactly(LlmMessage.Role.SYSTEM, LlmMessage.Role.USER);
        assertThat(sent.get(0).text()).contains("Not discussed.", "third person", "Nurse Practitioner",
                "- objective: Vital Signs; Physical Examination; Results", "Leave \"icd10\" as an empty array")
                .doesNotContain("{{").doesNotContain(TRANSCRIPT);
        assertThat(sent.get(1).text()).contains(TRANSCRIPT);
    }

    @Test
    void invalidJsonGetsOneRepairInTheSameConversation() {
        ScriptedModel model = new ScriptedModel("Here is the note: {\"sections\": ", ModelAnswers.lowBackPain());
        DraftNote note = engine(model).generate(request(TRANSCRIPT, false));

        assertThat(note.sections(SoapPart.ASSESSMENT)).hasSize(1);
        assertThat(model.calls).hasSize(2);
        List<LlmMessage> repair = model.calls.get(1);
        assertThat(repair).extracting(LlmMessage::role).containsExactly(LlmMessage.Role.SYSTEM, LlmMessage.Role.USER,
                LlmMessage.Role.ASSISTANT, LlmMessage.Role.USER);
        assertThat(repair.get(3).text()).contains("not valid JSON");
    }

    @Test
    void aSchemaViolationIsRepairedToo() {
        ScriptedModel model = new ScriptedModel("{\"sections\": {\"subjective\": []}}", ModelAnswers.lowBackPain());
        engine(model).generate(request(TRANSCRIPT, false));
        assertThat(model.calls.get(1).get(3).text()).contains("sections.objective");
    }

    @Test
    void invalidTwiceIsBadOutputWithoutQuotingTheAnswer() {
        ScriptedModel model = new ScriptedModel("not json PATIENT-SECRET", "[\"still PATIENT-SECRET\"]");
        assertThatThrownBy(() -> engine(model).generate(request(TRANSCRIPT, false)))
                .isInstanceOfSatisfying(EngineFailedException.class, e -> {
                    assertThat(e.failure()).isEqualTo(EngineFailedException.Failure.BAD_OUTPUT);
                    assertThat(e.getMessage()).contains("repair").doesNotContain("PATIENT-SECRET");
                });
        assertThat(model.calls).hasSize(2);
    }

    @Test
    void aCodeFencedAnswerIsReadWithoutARepair() {
        ScriptedModel model = new ScriptedModel("```json\n" + ModelAnswers.lowBackPain() + "\n```");
        engine(model).generate(request(TRANSCRIPT, false));
        assertThat(model.calls).hasSize(1);
    }

    @Test
    void everyInventedFactIsFlaggedWithItsSectionAndText() {
        DraftNote note = engine(new ScriptedModel(ModelAnswers.lowBackPainWithInventions())).generate(request(TRANSCRIPT, false));

        List<NoteWarning> flagged = warnings(note, Grounding.UNSUPPORTED_FACT);
        assertThat(flagged).extracting(NoteWarning::section).containsOnly("objective", "assessment", "plan");
        assertThat(flagged).extracting(NoteWarning::text).anySatisfy(t -> assertThat(t).contains("number \"101.2\"", "Results"))
                .anySatisfy(t -> assertThat(t).contains("side \"left\""))
                .anySatisfy(t -> assertThat(t).contains("drug \"lisinopril\""))
                .anySatisfy(t -> assertThat(t).contains("number \"20\""))
                .anySatisfy(t -> assertThat(t).contains("dose \"76 mg\""))
                .anySatisfy(t -> assertThat(t).contains("diagnosis", "diabetes"));
        // the LLM's text stays as written, for the clinician to correct
        assertThat(note.sections(SoapPart.PLAN).get(3).text()).isEqualTo("Start lisinopril 20 mg daily and ibuprofen 76 mg.");
    }

    @Test
    void headingsTakeTheSpecialtysSpellingWhenTheyMatchIt() {
        Map<String, List<Map<String, Object>>> sections = ModelAnswers.lowBackPainSections();
        sections.get("objective").set(0, ModelAnswers.section("VITAL SIGNS:", "BP 128/82, HR 76."));
        sections.get("objective").add(ModelAnswers.section("Gait", "Not discussed."));
        DraftNote note = engine(new ScriptedModel(ModelAnswers.answer(sections, List.of()))).generate(request(TRANSCRIPT, false));
        assertThat(note.sections(SoapPart.OBJECTIVE)).extracting(NoteSection::heading)
                .containsExactly("Vital Signs", "Physical Examination", "Gait");
    }

    @Test
    void quotesNotInTheTranscriptAreDroppedWithAWarning() {
        Map<String, List<Map<String, Object>>> sections = ModelAnswers.lowBackPainSections();
        sections.get("plan").set(0, ModelAnswers.section("Plan", "Continue ibuprofen 400 mg three times a day.",
                "take ibuprofen forever", "continue ibuprofen 400 mg three times a day"));
        DraftNote note = engine(new ScriptedModel(ModelAnswers.answer(sections, List.of()))).generate(request(TRANSCRIPT, false));

        assertThat(note.sections(SoapPart.PLAN).get(0).evidence()).hasSize(1);
        assertThat(warnings(note, LlmNoteEngine.EVIDENCE_NOT_FOUND)).singleElement()
                .satisfies(w -> assertThat(w.section()).isEqualTo("plan"));
    }

    @Test
    void onlyCodesBillableInTheCodeSetAreKept() {
        DraftNote note = engine(new ScriptedModel(ModelAnswers.lowBackPainWithCodes())).generate(request(TRANSCRIPT, true));

        assertThat(note.billingCodes().icd10()).extracting(BillingCodes.Diagnosis::code).containsExactly("M54.50", "S39.012A");
        assertThat(note.billingCodes().icd10().get(1).description()).startsWith("Strain of muscle");
        assertThat(note.billingCodes().icd10().get(0).evidence()).isNotEmpty();
        assertThat(warnings(note, "BILLING_CODE_DROPPED")).extracting(NoteWarning::text)
                .anySatisfy(t -> assertThat(t).contains("Z99.999", "not in the loaded code set"))
                .anySatisfy(t -> assertThat(t).contains("M54.5,", "not a billable code"));
    }

    @Test
    void codesAreIgnoredWhenTheRequestDidNotAskForThem() {
        DraftNote note = engine(new ScriptedModel(ModelAnswers.lowBackPainWithCodes())).generate(request(TRANSCRIPT, false));
        assertThat(note.billingCodes()).isNull();
        assertThat(warnings(note, "BILLING_CODE_DROPPED")).isEmpty();
    }

    @Test
    void aTranscriptOverTheContextBudgetIsRefusedBeforeAnyCall() {
        ScriptedModel model = new ScriptedModel();
        LlmNoteEngine small = new LlmNoteEngine(model, PROMPTS, CODES, new LlmNoteEngine.Limits(3_000, 1_000));
        assertThatThrownBy(() -> small.generate(request(TRANSCRIPT + " more".repeat(2_000), false)))
                .isInstanceOfSatisfying(EngineFailedException.class, e -> {
                    assertThat(e.failure()).isEqualTo(EngineFailedException.Failure.TOO_LONG);
                    assertThat(e.getMessage()).contains("2000 the model's context budget", "not truncated");
                });
        assertThat(model.calls).isEmpty();
    }
}
