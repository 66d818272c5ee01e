package org.chartscribe.store.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code <data dir>/admin-endpoint}: where the running server takes key commands from the CLI (its
 * loopback URL) and the secret that proves the caller can read the data directory. Reading the data
 * directory is already what opening the database needs, so the endpoint grants an operator nothing the
 * file system did not; the secret is new at every start and the file is removed at a clean stop.
 */
public final class AdminEndpointFile {

    static final String NAME = "admin-endpoint";
    static final String HEADER = "X-ChartScribe-Admin";

    private final String secret;

    private AdminEndpointFile(String secret) {
        this.secret = secret;
    }

    /** A fresh secret, written with the server's loopback port, owner-only. */
    static AdminEndpointFile publish(Path dataDir, int port) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path file = dataDir.resolve(NAME);
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, "http://127.0.0.1:" + port + "\n" + secret + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new AdminEndpointFile(secret);
    }

    /** Constant-time, so timing does not reveal how much of a guess was right. */
    boolean accepts(String presented) {
        return presented != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    static void withdraw(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(NAME));
        } catch (IOException e) {
            // a stale file is harmless: its secret died with the server, and the CLI falls back
        }
    }

    /** What the CLI reads: the URL and secret, if a server published them. */
    record Published(String url, String secret) {
        @Override
        public String toString() {
            return "Published[url=" + url + "]";
        }
    }

    static Optional<Published> read(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.size() >= 2 ? Optional.of(new Published(lines.get(0).trim(), lines.get(1).trim())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
