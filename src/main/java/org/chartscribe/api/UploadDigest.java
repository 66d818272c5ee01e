package org.chartscribe.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The digest an {@code Idempotency-Key} on an audio upload is bound to: the note fields as validated and
 * every byte of the recording, read from the file it was spooled to (never whole in memory).
 */
final class UploadDigest {
    private UploadDigest() {}

    static String of(List<String> fields, Path recording) {
        MessageDigest sha = sha256();
        for (String field : fields) {
            byte[] bytes = String.valueOf(field).getBytes(StandardCharsets.UTF_8);
            // length-prefixed, so ("ab", "c") and ("a", "bc") differ
            sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) ':');
            sha.update(bytes);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(recording)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload", e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
