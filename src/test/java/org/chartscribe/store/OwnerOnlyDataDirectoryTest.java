package org.chartscribe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.chartscribe.ChartScribeApplication;
import org.chartscribe.store.crypto.KeyRingLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The data directory holds every tenant's notes: after a start nobody but the service account can read it. */
class OwnerOnlyDataDirectoryTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void posixOnly() {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    }

    @Test
    void firstStartCreatesDataDirectory0700AndDatabaseAndKeyFiles0600() throws IOException {
        Path dataDir = tmp.resolve("data");

        start(dataDir).close();

        assertThat(mode(dataDir)).isEqualTo("rwx------");
        assertThat(dataDir.resolve("chartscribe.mv.db")).exists();
        assertThat(dataDir.resolve(KeyRingLoader.KEY_FILE_NAME)).exists();
        assertEveryFileIsOwnerOnly(dataDir);
    }

    @Test
    void startTightensAnExistingWorldReadableDirectoryAndDatabase() throws IOException {
        Path dataDir = tmp.resolve("old-install");
        start(dataDir).close();
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dataDir.resolve("chartscribe.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));

        start(dataDir).close();

        assertThat(mode(dataDir)).isEqualTo("rwx------");
        assertEveryFileIsOwnerOnly(dataDir);
    }

    static void assertEveryFileIsOwnerOnly(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.filter(Files::isRegularFile).toList())
                    .isNotEmpty()
                    .allSatisfy(file -> assertThat(mode(file)).as(file.getFileName().toString()).isEqualTo("rw-------"));
        }
    }

    static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(ChartScribeApplication.class).web(WebApplicationType.NONE)
                .run("--chartscribe.data-dir=" + dataDir);
    }
}
