package org.chartscribe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The audio job contract on the embedded H2 database, a database file of its own: other test
 * classes' cached contexts share {@link AppTestBase}'s data directory and run schedulers too, and one
 * of them (real speech pipeline, no loopback webhooks) would take this class's jobs and deliveries.
 * The URL is set rather than {@code chartscribe.data-dir}, which the base class registers last and so
 * wins over a subclass's value.
 */
@Import(AudioJobsContract.Scripted.class)
class AudioJobsH2IT extends AudioJobsContract {
    private static final Path OWN_DIRECTORY = ownDirectory();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + OWN_DIRECTORY.resolve("chartscribe")
                + ";AUTO_SERVER=FALSE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Test
    void theJobsRunOnADatabaseNoOtherTestContextOpens() {
        assertThat(databaseUrl).startsWith("jdbc:h2:file:" + OWN_DIRECTORY);
    }

    private static Path ownDirectory() {
        try {
            return Files.createTempDirectory("chartscribe-jobs-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
