package org.chartscribe.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reads a text/event-stream over real HTTP (JDK client) into events, as a browser's EventSource parser would. */
final class SseClient {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Event(String name, String data) {
        JsonNode json() {
            try {
                return Http.JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + data, e);
            }
        }
    }

    /** The response: status, content type, and (for 200) the events and comment lines until the stream ends. */
    record Result(int status, String contentType, List<Event> events, List<String> comments, String body) {
        List<Event> named(String name) {
            return events.stream().filter(e -> e.name().equals(name)).toList();
        }

        Event last() {
            return events.get(events.size() - 1);
        }
    }

    private SseClient() {}

    static HttpRequest post(int port, String key, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/stream/note"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b.build();
    }

    static Result read(HttpRequest request) {
        return read(request, e -> false);
    }

    /** Reads until the stream ends, or until {@code stopAfter} accepts an event (then hangs up, mid-stream). */
    static Result read(HttpRequest request, Predicate<Event> stopAfter) {
        try {
            HttpResponse<InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream in = response.body()) {
                if (!type.startsWith("text/event-stream")) {
                    return new Result(response.statusCode(), type, List.of(), List.of(),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                return parse(response.statusCode(), type, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                        stopAfter);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Result parse(int status, String type, BufferedReader reader, Predicate<Event> stopAfter)
            throws IOException {
        List<Event> events = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        String name = null;
        StringBuilder data = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty()) {
                if (data != null) {
                    Event e = new Event(name == null ? "message" : name, data.toString());
                    events.add(e);
                    if (stopAfter.test(e)) {
                        break;
                    }
                }
                name = null;
                data = null;
            } else if (line.startsWith(":")) {
                comments.add(line.substring(1));
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                String value = line.substring(5);
                value = value.startsWith(" ") ? value.substring(1) : value;
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        return new Result(status, type, events, comments, null);
    }
}
