package org.chartscribe.audio.speech;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import org.chartscribe.audio.SpeechRecognizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cloud engine with the embedded one behind it: when the cloud fails (down, refused, rate limited,
 * timed out) the recording is recognised offline, a warning is logged (the engine's name and what
 * failed, never a key or any content) and the {@link Recognition} names the engine that failed, so
 * the note can say so. The embedded engine is built only when first needed.
 */
public final class FallbackRecognizer implements SpeechRecognizer {
    private static final Logger log = LoggerFactory.getLogger(FallbackRecognizer.class);

    private final SpeechRecognizer primary;
    private final Supplier<SpeechRecognizer> fallback;

    public FallbackRecognizer(SpeechRecognizer primary, Supplier<SpeechRecognizer> fallback) {
        this.primary = primary;
        this.fallback = fallback;
    }

    @Override
    public String name() {
        return primary.name();
    }

    @Override
    public List<HeardSegment> recognise(Path pcmWav, long durationMs, DoubleConsumer progress) {
        return recognition(pcmWav, durationMs, progress).segments();
    }

    @Override
    public Recognition recognition(Path pcmWav, long durationMs, DoubleConsumer progress) {
        try {
            return new Recognition(primary.recognise(pcmWav, durationMs, progress), Optional.empty());
        } catch (SpeechUnavailable e) {
            log.warn("speech engine {} failed ({}); recognising with the embedded engine instead", primary.name(),
                    e.getMessage());
            return new Recognition(fallback.get().recognise(pcmWav, durationMs, progress), Optional.of(primary.name()));
        }
    }
}
