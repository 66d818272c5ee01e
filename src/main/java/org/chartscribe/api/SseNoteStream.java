package org.chartscribe.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.chartscribe.note.NoteStream;
import org.chartscribe.note.SoapPart;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The contract's events on an {@link SseEmitter}. The reader counts as gone once a write fails (a
 * heartbeat notices within one interval) or the container reports the connection closed, timed out or
 * failed; from then on nothing is sent and {@link #cancelled()} stops the work.
 */
final class SseNoteStream implements NoteStream {
    private final SseEmitter emitter;
    private final ObjectMapper json;
    private final AtomicBoolean gone = new AtomicBoolean();
    private volatile ScheduledFuture<?> heartbeat;

    SseNoteStream(SseEmitter emitter, ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
        emitter.onCompletion(this::stopHeartbeat);
        emitter.onTimeout(this::readerGone);
        emitter.onError(e -> readerGone());
    }

    void startHeartbeat(ScheduledExecutorService scheduler, Duration every) {
        heartbeat = scheduler.scheduleAtFixedRate(() -> send(SseEmitter.event().comment("keep-alive")),
                every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void section(SoapPart part, String delta) {
        event("section", Map.of("section", part.key(), "delta", delta));
    }

    @Override
    public void sectionDone(SoapPart part) {
        event("section_done", Map.of("section", part.key()));
    }

    @Override
    public boolean cancelled() {
        return gone.get();
    }

    /** A named event whose data is {@code value} as one line of JSON. */
    void event(String name, Object value) {
        try {
            send(SseEmitter.event().name(name).data(json.writeValueAsString(value), MediaType.APPLICATION_JSON));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a stream event", e);
        }
    }

    void complete() {
        stopHeartbeat();
        if (!gone.get()) {
            emitter.complete();
        }
    }

    private void send(SseEmitter.SseEventBuilder event) {
        if (gone.get()) {
            return;
        }
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException closed) {
            // IOException: the reader went away; IllegalStateException: the emitter already completed
            readerGone();
        }
    }

    private void readerGone() {
        gone.set(true);
        stopHeartbeat();
    }

    private void stopHeartbeat() {
        ScheduledFuture<?> beat = heartbeat;
        if (beat != null) {
            beat.cancel(false);
        }
    }
}
