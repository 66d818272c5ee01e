package org.chartscribe.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port with a fresh H2 file database in a temporary data dir and
 * two tenants' keys registered at start-up, metrics exported as in production. Subclasses share one application context.
 * Public so the FHIR tests (another package) run against the same application context.
 *
 * <p>A subclass cannot override a property registered here: Spring applies this class's
 * {@code @DynamicPropertySource} after the subclass's, so the base value wins silently. A test that needs
 * its own database sets {@code spring.datasource.url} instead (see {@link AudioJobsH2IT}).
 */
// Observability on, as in production: Boot's test support otherwise swaps the Prometheus registry out.
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AppTestBase {
    protected static final String KEY_A = "cs_test_tenant_a_3f9c1e7b2d4a6058e1c3b5d7f9a0c2e4";
    protected static final String KEY_B = "cs_test_tenant_b_8a6e4c2f0d1b3a5c7e9f1a3c5e7b9d0f";
    static final Path DATA_DIR = tempDir();

    @LocalServerPort
    protected int port;

    Http http() {
        return new Http(port);
    }

    @DynamicPropertySource
    static void appProperties(DynamicPropertyRegistry registry) {
        registry.add("chartscribe.data-dir", DATA_DIR::toString);
        registry.add("chartscribe.bootstrap-api-keys", () -> "tenant-a:" + KEY_A + ",tenant-b:" + KEY_B);
    }

    static String noteBody(String transcript) {
        return Http.json(Map.of("transcript", transcript, "specialty", "nurse_practitioner"));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("chartscribe-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
