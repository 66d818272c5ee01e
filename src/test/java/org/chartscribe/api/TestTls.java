package org.chartscribe.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away TLS identity for a test server on this machine: a self-signed certificate for
 * {@code localhost} (and 127.0.0.1) made with the JDK's keytool at test time, so no key is committed.
 */
final class TestTls {
    static final String PASSWORD = "test-only-keystore";

    final Path keystore;
    final Path certificate;

    private TestTls(Path keystore, Path certificate) {
        this.keystore = keystore;
        this.certificate = certificate;
    }

    static TestTls localhost() {
        try {
            Path dir = Files.createTempDirectory("test-tls-");
            Path keystore = dir.resolve("server.p12");
            Path certificate = dir.resolve("server.pem");
            keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                    "-file", certificate.toString());
            return new TestTls(keystore, certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
