package org.chartscribe.audio;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;

/** A speech engine: 16 kHz mono PCM in, timed text with speaker labels out. Adapters live at the edge. */
public interface SpeechRecognizer {
    /** Short id reported to clients and in metrics: {@code embedded}, {@code openai-compatible}, {@code azure}. */
    String name();

    /**
     * @param pcmWav     16 kHz mono 16-bit WAV
     * @param durationMs its length, for progress
     * @param progress   told values rising from 0 to 1
     * @throws SpeechUnavailable when a remote engine fails; the message names no key and no content
     */
    List<HeardSegment> recognise(Path pcmWav, long durationMs, DoubleConsumer progress);

    /**
     * As {@link #recognise}, saying which engine was asked but could not answer when another one
     * stepped in; the note's reader is told, because the stand-in may hear less well.
     */
    default Recognition recognition(Path pcmWav, long durationMs, DoubleConsumer progress) {
        return new Recognition(recognise(pcmWav, durationMs, progress), Optional.empty());
    }

    /** What was heard; {@code unavailableEngine} names the engine that failed when a fallback heard it. */
    record Recognition(List<HeardSegment> segments, Optional<String> unavailableEngine) {
        public Recognition {
            segments = List.copyOf(segments);
        }
    }

    /**
     * One stretch of speech. {@code speaker} is the engine's diarisation label ("Guest-1", "S0", ...) or
     * null when the engine does not tell speakers apart.
     */
    record HeardSegment(String speaker, long startMs, long endMs, String text) {
        @Override
        public String toString() {
            return "HeardSegment[" + speaker + ", " + startMs + "-" + endMs + " ms, <" + text.length() + " chars>]";
        }
    }

    /** A remote speech engine failed or timed out. */
    final class SpeechUnavailable extends RuntimeException {
        public SpeechUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
