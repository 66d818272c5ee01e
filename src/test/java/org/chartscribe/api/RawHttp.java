package org.chartscribe.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what {@code java.net.http} will not send: a {@code %00} or other
 * raw bytes in the request target, a header of any size, a body of exactly the given bytes. Asks the
 * server to close the connection, so the answer is everything read until the end of the stream.
 */
public final class RawHttp {
    public record Response(int status, Map<String, String> headers, String body) {
        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private RawHttp() {}

    /** {@code head} is the request line and headers without the final empty line; CRLFs are added here. */
    public static Response exchange(int port, String head, byte[] body) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder();
            for (String line : head.split("\n")) {
                request.append(line).append("\r\n");
            }
            request.append("Connection: close\r\n");
            if (body != null) {
                request.append("Content-Length: ").append(body.length).append("\r\n");
            }
            request.append("\r\n");
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Response get(int port, String target, String... headers) {
        return exchange(port, "GET " + target + " HTTP/1.1\nHost: localhost\n" + String.join("\n", headers), null);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // A reset after the server's answer (it closes without reading the rest): keep what arrived.
        }
        return all.toByteArray();
    }

    private static Response parse(byte[] raw) {
        int end = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'}, 0);
        if (end < 0) {
            throw new IllegalStateException("no complete HTTP answer: " + new String(raw, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** Chunk sizes count bytes, so the body is put together before it is decoded. */
    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, at);
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
