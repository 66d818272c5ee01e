package org.chartscribe.note.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Template;
import org.junit.jupiter.api.Test;

/**
 * CPU time of the embedded engine per 1,100-word dialogue (the fixture {@code primary-care-1100-words.txt}),
 * in a steady loop after a warm-up. CPU time of the measuring thread, not wall time, so that other work on a
 * shared machine disturbs it less; compare two commits by running both alternately. Not part of the build
 * (the name matches no surefire pattern); run it with
 * {@code ./mvnw -B -q test -Dtest=EngineTiming -Dsurefire.failIfNoSpecifiedTests=false} (optionally
 * {@code -Dtiming.rounds=15}); it prints the median, minimum and maximum of the rounds.
 */
class EngineTiming {

    @Test
    void cpuMillisecondsPerElevenHundredWordDialogue() throws IOException {
        String transcript;
        try (InputStream in = EngineTiming.class.getResourceAsStream("/fixtures/primary-care-1100-words.txt")) {
            transcript = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        NoteRequest request = new NoteRequest(transcript, Specialties.generic(), Template.STANDARD, false, null);
        EmbeddedNoteEngine engine = new EmbeddedNoteEngine();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 1_000; i++) {
            engine.generate(request);
        }
        int rounds = Integer.getInteger("timing.rounds", 9);
        int perRound = 200;
        List<Double> perNote = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                engine.generate(request);
            }
            perNote.add((threads.getCurrentThreadCpuTime() - start) / 1e6 / perRound);
        }
        Collections.sort(perNote);
        System.out.printf("engine_cpu_ms_per_note median=%.2f min=%.2f max=%.2f rounds=%d%n",
                perNote.get(rounds / 2), perNote.get(0), perNote.get(rounds - 1), rounds);
    }
}
