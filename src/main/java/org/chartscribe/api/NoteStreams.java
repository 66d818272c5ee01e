package org.chartscribe.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.chartscribe.note.NoteService;
import org.chartscribe.note.StoredNote;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Starts a streamed note on the stream workers: the one way both {@code POST /v1/stream/note} and the
 * clinician app's stream write notes, so both send exactly the contract's events and stop when their
 * reader goes away.
 */
@Component
public class NoteStreams {
    private final NoteService notes;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final NoteStreamConfig.NoteStreamWorkers workers;
    private final StreamProperties properties;
    private final ApiExceptionHandler problems;

    NoteStreams(NoteService notes, ObjectMapper json, MeterRegistry metrics, NoteStreamConfig.NoteStreamWorkers workers,
                StreamProperties properties, ApiExceptionHandler problems) {
        this.notes = notes;
        this.json = json;
        this.metrics = metrics;
        this.workers = workers;
        this.properties = properties;
        this.problems = problems;
    }

    /**
     * Checks the engine, then starts writing. {@code stored} runs on the worker once the note is stored
     * and before {@code done} is sent (the app records which launch drafted it, so it can be approved).
     * Fails with an {@link ApiException} (an ordinary problem response) when there is no room.
     */
    public SseEmitter start(NoteService.Generate command, Consumer<StoredNote> stored) {
        notes.checkEngine(command.engine());
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        SseNoteStream stream = new SseNoteStream(emitter, json);
        NoteStreamTask task = new NoteStreamTask(notes, command, stream, problems, metrics, stored);
        try {
            workers.writers().execute(task);
        } catch (RejectedExecutionException full) {
            throw new ApiException(ProblemCode.SERVER_BUSY, "The server is writing as many streamed notes as it "
                    + "allows; retry shortly, or use POST /v1/note.", List.of());
        }
        stream.startHeartbeat(workers.heartbeats(), properties.heartbeat());
        return emitter;
    }
}
