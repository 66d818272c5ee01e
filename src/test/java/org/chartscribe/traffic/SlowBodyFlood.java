package org.chartscribe.traffic;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Raw sockets from one attacker address, each sending the headers of a 100 kB POST and then one body
 * byte a second, on and on, whatever the server answers, until the server closes the connection; then
 * it connects again. What the server answered is counted per kind of request.
 */
final class SlowBodyFlood implements AutoCloseable {
    enum Kind {
        NOTE_WITHOUT_KEY("/v1/note", "application/json", null),
        NOTE_WITH_KEY("/v1/note", "application/json", "key"),
        FHIR_WITHOUT_KEY("/fhir/$generate-soap", "application/fhir+json", null),
        FHIR_WITH_KEY("/fhir/$generate-soap", "application/fhir+json", "key");

        final String path;
        final String contentType;
        final String keyMarker;

        Kind(String path, String contentType, String keyMarker) {
            this.path = path;
            this.contentType = contentType;
            this.keyMarker = keyMarker;
        }
    }

    /** An answer: its status line's code and whether it said {@code Connection: close}. */
    record Answer(Kind kind, int status, boolean closes, boolean operationOutcome) {}

    private static final Duration TRICKLE = Duration.ofSeconds(1);
    private static final Duration RECONNECT_PAUSE = Duration.ofMillis(500);

    private final String attacker;
    private final int port;
    private final String key;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    final Map<Answer, AtomicInteger> answers = new ConcurrentHashMap<>();
    final AtomicInteger connections = new AtomicInteger();

    private SlowBodyFlood(String attacker, int port, String key) {
        this.attacker = attacker;
        this.port = port;
        this.key = key;
    }

    static SlowBodyFlood start(String attacker, int port, String key, int sockets) {
        SlowBodyFlood flood = new SlowBodyFlood(attacker, port, key);
        for (int i = 0; i < sockets; i++) {
            Kind kind = Kind.values()[i % Kind.values().length];
            Thread thread = new Thread(() -> flood.attack(kind), "slow-body-" + i);
            thread.setDaemon(true);
            flood.threads.add(thread);
            thread.start();
        }
        return flood;
    }

    int count(Kind kind, int status) {
        return answers.entrySet().stream().filter(e -> e.getKey().kind() == kind && e.getKey().status() == status)
                .mapToInt(e -> e.getValue().get()).sum();
    }

    private void attack(Kind kind) {
        while (running.get()) {
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(attacker, 0));
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
                socket.setSoTimeout((int) TRICKLE.toMillis());
                connections.incrementAndGet();
                trickle(kind, socket);
            } catch (IOException refusedOrReset) {
                // the server closed on us: connect again
            }
            sleep(RECONNECT_PAUSE);
        }
    }

    private void trickle(Kind kind, Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        String headers = "POST " + kind.path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + kind.contentType
                + "\r\nContent-Length: 100000\r\n" + (kind.keyMarker == null ? "" : "Authorization: Bearer " + key + "\r\n")
                + "\r\n{";
        out.write(headers.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        StringBuilder answer = new StringBuilder();
        boolean counted = false;
        byte[] buffer = new byte[8192];
        while (running.get()) {
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    if (!counted && answer.indexOf("\r\n\r\n") > 0) {
                        record(kind, answer.toString());
                    }
                    return; // closed by the server: connect again
                }
                answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            } catch (SocketTimeoutException quiet) {
                // nothing more for a second: an answer that is in is complete
                if (!counted && answer.indexOf("\r\n\r\n") > 0) {
                    counted = true;
                    record(kind, answer.toString());
                }
            }
            out.write(' '); // keep trickling whatever the answer: the attacker does
            out.flush();
        }
    }

    private void record(Kind kind, String answer) {
        int status = Integer.parseInt(answer.substring(9, 12));
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
        answers.computeIfAbsent(new Answer(kind, status, head.contains("\r\nconnection: close"),
                answer.contains("\"resourceType\":\"OperationOutcome\"")), a -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(5_000);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
