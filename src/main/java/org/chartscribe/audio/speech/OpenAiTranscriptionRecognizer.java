package org.chartscribe.audio.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.DoubleConsumer;
import org.chartscribe.audio.AudioDecoder;
import org.chartscribe.audio.SpeechRecognizer;

/**
 * An OpenAI-compatible {@code /audio/transcriptions} endpoint (OpenAI, Azure OpenAI's Whisper deployments,
 * a self-hosted Whisper server) asked for {@code verbose_json} with segment timings. These services take
 * at most 25 MB a request, so the PCM is sent in chunks of {@code chunk} (10 minutes is 19 MB of WAV),
 * read one at a time from the file, and the chunks' segment times are shifted to the whole recording.
 * Whisper does not tell speakers apart: segments come back without a speaker label.
 *
 * <p>Azure OpenAI is recognised by an {@code apiVersion}: the URL is then
 * {@code {endpoint}/openai/deployments/{model}/audio/transcriptions?api-version=...} with an
 * {@code api-key} header; otherwise {@code {endpoint}/audio/transcriptions} with a bearer token.
 */
public final class OpenAiTranscriptionRecognizer implements SpeechRecognizer {
    private static final int RETRIES = 1;
    private static final Duration RETRY_WAIT = Duration.ofMillis(500);

    private final URI url;
    private final String apiKey;
    private final boolean azure;
    private final String model;
    private final String language;
    private final Duration timeout;
    private final Duration chunk;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public OpenAiTranscriptionRecognizer(String endpoint, String apiKey, String model, String apiVersion,
                                         String language, Duration timeout, Duration chunk) {
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.azure = apiVersion != null && !apiVersion.isBlank();
        this.url = URI.create(azure
                ? base + "/openai/deployments/" + URLEncoder.encode(model, StandardCharsets.UTF_8)
                        + "/audio/transcriptions?api-version=" + URLEncoder.encode(apiVersion, StandardCharsets.UTF_8)
                : base + "/audio/transcriptions");
        this.apiKey = apiKey;
        this.model = model;
        this.language = language;
        this.timeout = timeout;
        this.chunk = chunk;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public String name() {
        return "openai-compatible";
    }

    @Override
    public List<HeardSegment> recognise(Path pcmWav, long durationMs, DoubleConsumer progress) {
        long chunkBytes = chunk.toMillis() * AudioDecoder.PCM_BYTES_PER_MS;
        List<HeardSegment> segments = new ArrayList<>();
        try (InputStream in = Files.newInputStream(pcmWav)) {
            in.skipNBytes(AudioDecoder.WAV_HEADER_BYTES);
            long offsetMs = 0;
            while (true) {
                byte[] pcm = in.readNBytes((int) chunkBytes);
                if (pcm.length < AudioDecoder.PCM_BYTES_PER_MS * 100) { // less than 0.1 s: nothing to send
                    break;
                }
                for (HeardSegment s : transcribe(WavFiles.wav(pcm))) {
                    segments.add(new HeardSegment(null, s.startMs() + offsetMs, s.endMs() + offsetMs, s.text()));
                }
                offsetMs += pcm.length / AudioDecoder.PCM_BYTES_PER_MS;
                progress.accept(durationMs <= 0 ? 0 : Math.min(1.0, (double) offsetMs / durationMs));
                if (pcm.length < chunkBytes) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the decoded audio", e);
        }
        return segments;
    }

    private List<HeardSegment> transcribe(byte[] wav) {
        String boundary = "chartscribe-" + UUID.randomUUID();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, wav)));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header(azure ? "api-key" : "Authorization", azure ? apiKey : "Bearer " + apiKey);
        }
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpTimeoutException e) {
                throw new SpeechUnavailable("The speech service did not answer within " + timeout.toSeconds() + " s.", null);
            } catch (IOException e) {
                throw new SpeechUnavailable("The speech service could not be reached.", null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SpeechUnavailable("Interrupted while waiting for the speech service.", null);
            }
            int status = response.statusCode();
            if (status == 200) {
                return segments(response.body());
            }
            boolean transient_ = status == 429 || status >= 500;
            if (!transient_ || attempt >= RETRIES) {
                throw new SpeechUnavailable("The speech service answered HTTP " + status
                        + (status == 429 ? " (rate limited)" : status == 401 || status == 403 ? " (check the API key)" : "")
                        + ".", null);
            }
            try {
                Thread.sleep(RETRY_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SpeechUnavailable("Interrupted while waiting for the speech service.", null);
            }
        }
    }

    private List<HeardSegment> segments(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new SpeechUnavailable("The speech service answered with something other than JSON.", null);
        }
        List<HeardSegment> out = new ArrayList<>();
        JsonNode segments = root.path("segments");
        if (segments.isArray() && !segments.isEmpty()) {
            for (JsonNode s : segments) {
                out.add(new HeardSegment(null, Math.round(s.path("start").asDouble() * 1000),
                        Math.round(s.path("end").asDouble() * 1000), s.path("text").asText("").strip()));
            }
        } else if (root.path("text").isTextual()) {
            // a server that ignores verbose_json: one segment over the whole chunk
            out.add(new HeardSegment(null, 0, Math.round(root.path("duration").asDouble(0) * 1000),
                    root.path("text").asText().strip()));
        } else {
            throw new SpeechUnavailable("The speech service answered without a transcription.", null);
        }
        return out;
    }

    private byte[] multipart(String boundary, byte[] wav) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(wav.length + 1024);
        field(body, boundary, "response_format", "verbose_json");
        field(body, boundary, "timestamp_granularities[]", "segment");
        if (!azure) {
            field(body, boundary, "model", model);
        }
        if (language != null && !language.isBlank()) {
            field(body, boundary, "language", language);
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"audio.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(wav);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
