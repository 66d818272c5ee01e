package org.chartscribe.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds the multipart form of {@code POST /v1/note/audio} as curl -F does, for the audio tests. */
final class AudioUpload {
    private final Map<String, String> fields = new LinkedHashMap<>();
    private byte[] audio;
    private String fileName = "recording.bin";
    private String method = "POST";
    private String idempotencyKey;

    static AudioUpload fixture(String name) {
        try {
            Path file = Path.of("src/test/resources/audio", name);
            return new AudioUpload().audio(Files.readAllBytes(file), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AudioUpload audio(byte[] bytes, String name) {
        this.audio = bytes;
        this.fileName = name;
        return this;
    }

    AudioUpload field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    AudioUpload idempotencyKey(String key) {
        this.idempotencyKey = key;
        return this;
    }

    AudioUpload put() {
        this.method = "PUT";
        return this;
    }

    Http.Response send(Http http, String key) {
        String boundary = "test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (audio != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"audio\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(audio);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = http.request("/v1/note/audio").timeout(java.time.Duration.ofMinutes(3))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build());
    }
}
