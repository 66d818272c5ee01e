package org.chartscribe.audio.speech;

import com.microsoft.cognitiveservices.speech.CancellationReason;
import com.microsoft.cognitiveservices.speech.ResultReason;
import com.microsoft.cognitiveservices.speech.SpeechConfig;
import com.microsoft.cognitiveservices.speech.audio.AudioConfig;
import com.microsoft.cognitiveservices.speech.transcription.ConversationTranscriber;
import com.microsoft.cognitiveservices.speech.transcription.ConversationTranscriptionResult;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleConsumer;
import org.chartscribe.audio.SpeechRecognizer;

/**
 * Azure Speech conversation transcription: continuous recognition with diarisation, so every segment
 * comes with a speaker id ("Guest-1", "Guest-2", ...). The WAV is read by the SDK from the file.
 * Configured with a key plus a region, or a key plus an endpoint (a private endpoint or a container).
 * A cancellation (wrong key, no network, service error) is a {@link SpeechUnavailable} naming the SDK's
 * error code; the SDK's error details are not passed on (they can contain the endpoint's query).
 * The whole call is bounded: the recording's length plus a margin, so a stalled session cannot hang.
 */
public final class AzureConversationRecognizer implements SpeechRecognizer {
    private static final long TICKS_PER_MS = 10_000; // the SDK's offsets are in 100 ns units

    private final String key;
    private final String region;
    private final URI endpoint;
    private final String language;
    private final Duration margin;

    /** @throws IllegalArgumentException when neither region nor endpoint, or no key, is given */
    public AzureConversationRecognizer(String key, String region, String endpoint, String language, Duration margin) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("Azure Speech needs CHARTSCRIBE_SPEECH_API_KEY");
        }
        boolean hasRegion = region != null && !region.isBlank();
        boolean hasEndpoint = endpoint != null && !endpoint.isBlank();
        if (hasRegion == hasEndpoint) {
            throw new IllegalArgumentException("Azure Speech needs exactly one of CHARTSCRIBE_SPEECH_REGION and "
                    + "CHARTSCRIBE_SPEECH_ENDPOINT");
        }
        this.key = key;
        this.region = hasRegion ? region : null;
        this.endpoint = hasEndpoint ? URI.create(endpoint) : null;
        this.language = language == null || language.isBlank() ? "en-US" : language;
        this.margin = margin;
    }

    @Override
    public String name() {
        return "azure";
    }

    @Override
    public List<HeardSegment> recognise(Path pcmWav, long durationMs, DoubleConsumer progress) {
        List<HeardSegment> segments = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> stopped = new CompletableFuture<>();
        try (SpeechConfig config = endpoint != null ? SpeechConfig.fromEndpoint(endpoint, key)
                : SpeechConfig.fromSubscription(key, region);
             AudioConfig audio = AudioConfig.fromWavFileInput(pcmWav.toString())) {
            config.setSpeechRecognitionLanguage(language);
            try (ConversationTranscriber transcriber = new ConversationTranscriber(config, audio)) {
                transcriber.transcribed.addEventListener((source, event) -> {
                    ConversationTranscriptionResult result = event.getResult();
                    if (result.getReason() == ResultReason.RecognizedSpeech && !result.getText().isBlank()) {
                        long start = result.getOffset().longValue() / TICKS_PER_MS;
                        long end = start + result.getDuration().longValue() / TICKS_PER_MS;
                        String speaker = result.getSpeakerId();
                        segments.add(new HeardSegment("Unknown".equalsIgnoreCase(speaker) ? null : speaker,
                                start, end, result.getText()));
                        progress.accept(durationMs <= 0 ? 0 : Math.min(1.0, (double) end / durationMs));
                    }
                });
                transcriber.canceled.addEventListener((source, event) -> stopped.complete(
                        event.getReason() == CancellationReason.Error ? event.getErrorCode().name() : null));
                transcriber.sessionStopped.addEventListener((source, event) -> stopped.complete(null));
                transcriber.startTranscribingAsync().get(30, TimeUnit.SECONDS);
                String error = stopped.get(durationMs + margin.toMillis(), TimeUnit.MILLISECONDS);
                transcriber.stopTranscribingAsync().get(30, TimeUnit.SECONDS);
                if (error != null) {
                    throw new SpeechUnavailable("Azure Speech failed: " + error + ".", null);
                }
            }
        } catch (TimeoutException e) {
            throw new SpeechUnavailable("Azure Speech did not finish in time.", null);
        } catch (ExecutionException e) {
            throw new SpeechUnavailable("Azure Speech could not start.", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechUnavailable("Interrupted while waiting for Azure Speech.", null);
        }
        List<HeardSegment> ordered = new ArrayList<>(segments);
        ordered.sort((a, b) -> Long.compare(a.startMs(), b.startMs()));
        return ordered;
    }
}
