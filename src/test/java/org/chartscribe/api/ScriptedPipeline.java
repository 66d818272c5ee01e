package org.chartscribe.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import org.chartscribe.audio.AudioNoteOptions;
import org.chartscribe.audio.AudioNotePipeline;
import org.chartscribe.audio.AudioNoteResult;
import org.chartscribe.audio.AudioRejected;
import org.chartscribe.audio.IdempotentUpload;
import org.chartscribe.note.RecognisedTranscript;
import org.chartscribe.note.NoteLookup;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.NoteService;
import org.chartscribe.note.PatientHints;

/**
 * A test stand-in for the speech half, so the job machinery is tested without decoding: the
 * "recording" is a text file whose first line is the transcript (or {@code REJECT}), the note is
 * written by the real NoteService, progress is reported in steps, and every run is counted per
 * recording (runs keyed by the file's content, which names the case) and per thread.
 */
class ScriptedPipeline implements AudioNotePipeline {
    final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    final Map<String, String> threads = new ConcurrentHashMap<>();
    private final NoteService notes;

    ScriptedPipeline(NoteService notes) {
        this.notes = notes;
    }

    static Path recording(String label, String transcript) {
        try {
            Path file = Files.createTempFile("scripted-", ".txt");
            Files.writeString(file, label + "\n" + transcript);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public AudioNoteResult run(String tenantId, Path audio, AudioNoteOptions options,
                               Optional<IdempotentUpload> idempotency, DoubleConsumer progress) {
        List<String> lines;
        try {
            lines = Files.readAllLines(audio);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String label = lines.get(0);
        runs.computeIfAbsent(label, l -> new AtomicInteger()).incrementAndGet();
        threads.put(label, Thread.currentThread().getName());
        String transcript = String.join("\n", lines.subList(1, lines.size()));
        for (int step = 1; step <= 5; step++) {
            progress.accept(step / 6.0);
            sleep(label.startsWith("slow") ? 300 : 20);
        }
        if (transcript.startsWith("REJECT")) {
            throw new AudioRejected(AudioRejected.Reason.NO_SPEECH, "No speech was recognised in the recording.");
        }
        NoteService.Generated generated = notes.generate(new NoteService.Generate(tenantId,
                new NoteRequest(transcript, options.specialty(), options.template(), options.includeBillingCodes(),
                        PatientHints.NONE), options.engine(), Optional.empty(), ""));
        NoteLookup.Found found = (NoteLookup.Found) generated.lookup();
        return new AudioNoteResult(found.note(), new RecognisedTranscript(transcript, List.of()));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
