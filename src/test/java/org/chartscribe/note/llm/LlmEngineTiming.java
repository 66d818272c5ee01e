package org.chartscribe.note.llm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.chartscribe.clinical.InventedFacts;
import org.chartscribe.coding.Icd10CodeSet;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.PatientHints;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Template;
import org.junit.jupiter.api.Test;

/**
 * CPU time of the LLM note engine's own work per note (prompt, reading the answer, evidence offsets,
 * grounding) with a model that answers at once, and of the grounding check alone, read once per note
 * against once per section as before. CPU time of the measuring thread, so a shared machine disturbs
 * it less. Not part of the build (the name matches no surefire pattern); run it with
 * {@code ./mvnw -B -q test -Dtest=LlmEngineTiming -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.replay.skip=true}.
 */
class LlmEngineTiming {

    private static final String TRANSCRIPT = ModelAnswers.lowBackPainTranscript();

    @Test
    void cpuMillisecondsPerLlmNote() {
        LlmClient instant = new LlmClient() {
            @Override
            public String complete(List<LlmMessage> messages, Consumer<String> partial) {
                return ModelAnswers.lowBackPain();
            }

            @Override
            public String model() {
                return "instant";
            }
        };
        LlmNoteEngine engine = new LlmNoteEngine(instant, new PromptLibrary(), new Icd10CodeSet(Map.of(), Set.of(),
                "none", "none"), new LlmNoteEngine.Limits(128_000, 4_096));
        NoteRequest request = new NoteRequest(TRANSCRIPT, Specialties.byId("nurse_practitioner").orElseThrow(),
                Template.STANDARD, false, PatientHints.NONE);
        DraftNote note = engine.generate(request);
        Map<SoapPart, List<NoteSection>> sections = new java.util.EnumMap<>(SoapPart.class);
        for (SoapPart part : SoapPart.values()) {
            sections.put(part, note.sections(part));
        }

        report("engine", () -> engine.generate(request));
        report("grounding", () -> Grounding.check(TRANSCRIPT, sections));
        report("grounding_per_section_scan", () -> {
            for (List<NoteSection> list : sections.values()) {
                for (NoteSection s : list) {
                    InventedFacts.find(TRANSCRIPT, s.text());
                }
            }
        });
    }

    private static void report(String what, Runnable work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 1_000; i++) {
            work.run();
        }
        int rounds = Integer.getInteger("timing.rounds", 9);
        int perRound = 300;
        List<Double> perNote = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                work.run();
            }
            perNote.add((threads.getCurrentThreadCpuTime() - start) / 1e6 / perRound);
        }
        Collections.sort(perNote);
        System.out.printf("%s_cpu_ms_per_note median=%.3f min=%.3f max=%.3f rounds=%d%n", what,
                perNote.get(rounds / 2), perNote.get(0), perNote.get(rounds - 1), rounds);
    }
}
