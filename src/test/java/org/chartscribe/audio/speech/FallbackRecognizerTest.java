package org.chartscribe.audio.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import org.chartscribe.audio.SpeechRecognizer;
import org.junit.jupiter.api.Test;

class FallbackRecognizerTest {
    private static final Path PCM = Path.of("unused.wav");
    private final AtomicInteger fallbackBuilt = new AtomicInteger();

    @Test
    void theConfiguredEngineAnswersAndNothingIsReported() {
        FallbackRecognizer recognizer = new FallbackRecognizer(engine("cloud", "from the cloud"), this::offline);

        SpeechRecognizer.Recognition heard = recognizer.recognition(PCM, 1000, p -> { });

        assertThat(heard.segments()).extracting(SpeechRecognizer.HeardSegment::text).containsExactly("from the cloud");
        assertThat(heard.unavailableEngine()).isEmpty();
        assertThat(fallbackBuilt).hasValue(0);
    }

    @Test
    void whenTheConfiguredEngineFailsTheStandInHearsItAndTheFailedEngineIsNamed() {
        FallbackRecognizer recognizer = new FallbackRecognizer(failing("azure"), this::offline);

        SpeechRecognizer.Recognition heard = recognizer.recognition(PCM, 1000, p -> { });

        assertThat(heard.segments()).extracting(SpeechRecognizer.HeardSegment::text).containsExactly("heard offline");
        assertThat(heard.unavailableEngine()).contains("azure");
        // the plain call gives the same words
        assertThat(recognizer.recognise(PCM, 1000, p -> { })).extracting(SpeechRecognizer.HeardSegment::text)
                .containsExactly("heard offline");
    }

    private SpeechRecognizer offline() {
        fallbackBuilt.incrementAndGet();
        return engine("embedded", "heard offline");
    }

    private static SpeechRecognizer engine(String name, String text) {
        return recognizer(name, () -> List.of(new SpeechRecognizer.HeardSegment(null, 0, 1000, text)));
    }

    private static SpeechRecognizer failing(String name) {
        return recognizer(name, () -> {
            throw new SpeechRecognizer.SpeechUnavailable("the " + name + " engine refused the connection", null);
        });
    }

    private static SpeechRecognizer recognizer(String name, Supplier<List<SpeechRecognizer.HeardSegment>> answer) {
        return new SpeechRecognizer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<HeardSegment> recognise(Path pcmWav, long durationMs, DoubleConsumer progress) {
                return answer.get();
            }
        };
    }
}
