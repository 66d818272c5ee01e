package org.chartscribe.api;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.Consumer;
import org.chartscribe.note.NoteService;
import org.chartscribe.note.NoteStream;
import org.chartscribe.note.StoredNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.ResponseEntity;

/** Writes one streamed note on a worker: sections as they come, then billing codes and the stored note. */
final class NoteStreamTask implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(NoteStreamTask.class);

    private final NoteService notes;
    private final NoteService.Generate command;
    private final SseNoteStream stream;
    private final ApiExceptionHandler problems;
    private final MeterRegistry metrics;
    private final Consumer<StoredNote> stored;
    private final Map<String, String> mdc;

    NoteStreamTask(NoteService notes, NoteService.Generate command, SseNoteStream stream, ApiExceptionHandler problems,
                   MeterRegistry metrics, Consumer<StoredNote> stored) {
        this.notes = notes;
        this.command = command;
        this.stream = stream;
        this.problems = problems;
        this.metrics = metrics;
        this.stored = stored;
        // the request id, so this worker's log lines join the request's
        this.mdc = MDC.getCopyOfContextMap();
    }

    @Override
    public void run() {
        if (mdc != null) {
            MDC.setContextMap(mdc);
        }
        try {
            if (stream.cancelled()) {
                throw new NoteStream.Cancelled();
            }
            NoteService.Generated generated = notes.generate(command, stream);
            StoredNote storedNote = NoteLookups.found(generated.lookup());
            stored.accept(storedNote);
            NoteResponse note = NoteResponse.of(storedNote);
            if (note.billingCodes() != null) {
                stream.event("billing_codes", note.billingCodes());
            }
            stream.event("done", note);
            metrics.counter("chartscribe.notes.generated", "engine", note.engine().name(),
                    "replayed", Boolean.toString(generated.replayed())).increment();
        } catch (NoteStream.Cancelled gone) {
            log.info("Streamed note abandoned: the reader went away");
            metrics.counter("chartscribe.notes.stream.cancelled").increment();
        } catch (Exception e) {
            ResponseEntity<Problems.Problem> problem = problems.problemFor(e);
            stream.event("error", problem.getBody());
        } finally {
            stream.complete();
            MDC.clear();
        }
    }
}
