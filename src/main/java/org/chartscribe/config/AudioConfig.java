package org.chartscribe.config;

import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.chartscribe.audio.RecordingPipeline;
import org.chartscribe.audio.SpeechRecognizer;
import org.chartscribe.audio.decode.JaveDecoder;
import org.chartscribe.audio.speech.AzureConversationRecognizer;
import org.chartscribe.audio.speech.ClinicalLanguageModel;
import org.chartscribe.audio.speech.FallbackRecognizer;
import org.chartscribe.audio.speech.OpenAiTranscriptionRecognizer;
import org.chartscribe.audio.speech.SphinxRecognizer;
import org.chartscribe.note.NoteService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

/** Wires the audio path: scratch directory, decoder, the configured speech engine, the pipeline, multipart limits. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AudioProperties.class, SpeechProperties.class})
class AudioConfig {
    private static final Logger log = LoggerFactory.getLogger(AudioConfig.class);

    /**
     * Sphinx's defaults are for a 130,000-word model; the clinical model has about a thousand words, so
     * narrower beams lose little and run several times faster (docs/BENCHMARKS.md, "Audio").
     */
    static final Map<String, String> SPHINX_TUNING = Map.of(
            "absoluteBeamWidth", "3000", "relativeBeamWidth", "1e-45", "absoluteWordBeamWidth", "40",
            "logLevel", "WARNING");

    /** The owner-only scratch directory, emptied at start-up of anything a crash left behind. */
    @Bean
    AudioWorkDir audioWorkDir(AudioProperties audio, ChartScribeProperties settings) {
        Path dir = audio.workDir() != null ? audio.workDir() : settings.dataDir().resolve("audio-work");
        try {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory keeps the platform's default permissions
            }
            int swept = 0;
            try (Stream<Path> leftovers = Files.walk(dir)) {
                for (Path p : leftovers.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    if (!p.equals(dir)) {
                        Files.deleteIfExists(p);
                        swept++;
                    }
                }
            }
            if (swept > 0) {
                log.info("removed {} temporary audio files left by an earlier run", swept);
            }
            Files.createDirectories(dir.resolve("uploads"));
            Files.createDirectories(dir.resolve("speech"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the audio work directory", e);
        }
        return new AudioWorkDir(dir);
    }

    /** Multipart bodies are written straight to the owner-only upload directory, never held in memory. */
    @Bean
    MultipartConfigElement multipartConfigElement(AudioWorkDir work, AudioProperties audio) {
        long max = audio.maxUploadBytes().toBytes();
        // the other fields of the form are small: 64 KB of them on top of the recording
        return new MultipartConfigElement(work.path().resolve("uploads").toString(), max, max + 64 * 1024, 0);
    }

    @Bean
    SpeechRecognizer speechRecognizer(SpeechProperties speech, AudioWorkDir work) {
        Supplier<SpeechRecognizer> embedded = SingletonSupplier.of(() -> embedded(speech, work.path().resolve("speech")));
        String language = speech.language();
        SpeechRecognizer chosen = switch (speech.provider()) {
            case "embedded" -> new LazyRecognizer("embedded", embedded);
            case "openai-compatible" -> {
                if (speech.endpoint() == null || speech.endpoint().isBlank()) {
                    throw new IllegalStateException("CHARTSCRIBE_SPEECH_PROVIDER=openai-compatible needs CHARTSCRIBE_SPEECH_ENDPOINT");
                }
                yield new OpenAiTranscriptionRecognizer(speech.endpoint(), speech.apiKey(), speech.model(),
                        speech.apiVersion(), language == null ? "en" : language, speech.timeout(),
                        java.time.Duration.ofMinutes(10));
            }
            case "azure" -> new AzureConversationRecognizer(speech.apiKey(), speech.region(), speech.endpoint(),
                    language == null ? "en-US" : language, speech.timeout());
            default -> throw new IllegalStateException("CHARTSCRIBE_SPEECH_PROVIDER must be embedded, openai-compatible or azure");
        };
        if (!"embedded".equals(speech.provider()) && speech.fallback()) {
            return new FallbackRecognizer(chosen, embedded);
        }
        return chosen;
    }

    private static SpeechRecognizer embedded(SpeechProperties speech, Path dir) {
        long started = System.nanoTime();
        SphinxRecognizer recognizer;
        if ("general".equals(speech.embeddedModel())) {
            recognizer = new SphinxRecognizer(null, null, Map.of("logLevel", "WARNING"), speech.diarisation(), dir);
        } else {
            ClinicalLanguageModel.Model model = ClinicalLanguageModel.write(dir);
            recognizer = new SphinxRecognizer(model.languageModel(), model.dictionary(), SPHINX_TUNING,
                    speech.diarisation(), dir);
        }
        log.info("embedded speech recogniser ({} model) loaded in {} ms", speech.embeddedModel(),
                (System.nanoTime() - started) / 1_000_000);
        return recognizer;
    }

    @Bean
    RecordingPipeline recordingPipeline(SpeechRecognizer recognizer, NoteService notes, AudioWorkDir work,
                                        AudioProperties audio) {
        return new RecordingPipeline(new JaveDecoder(), recognizer, notes, work.path(), audio.maxDuration().toMillis());
    }

    /** Loads the embedded models on first use, not at start-up: a server that never gets audio never pays for them. */
    record LazyRecognizer(String name, Supplier<SpeechRecognizer> engine) implements SpeechRecognizer {
        @Override
        public java.util.List<HeardSegment> recognise(Path pcmWav, long durationMs,
                                                      java.util.function.DoubleConsumer progress) {
            return engine.get().recognise(pcmWav, durationMs, progress);
        }
    }
}
