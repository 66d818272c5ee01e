package org.chartscribe.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Keeps the data directory readable by the service account only: the H2 database holds every
 * tenant's notes and audit trail, and the process umask (often 022) would leave them 0644 in a 0755
 * directory. Registered in {@code META-INF/spring.factories} because the directory must be 0700
 * before the datasource opens, which is before any bean exists.
 *
 * <p>Before the context starts the directory is created 0700 (or tightened to 0700); once it has
 * started (Flyway has created the database) the files directly in it are tightened to 0600. Java
 * cannot set a umask, so a file H2 creates later (a rotated trace file, a compaction temp file) may
 * get the umask's mode, but inside a 0700 directory nobody else can reach it. On a file system without POSIX permissions this does nothing.
 */
public final class OwnerOnlyDataDirectory implements ApplicationListener<SpringApplicationEvent> {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final String H2_FILE = "jdbc:h2:file:";

    private static final Logger log = LoggerFactory.getLogger(OwnerOnlyDataDirectory.class);

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            Environment env = prepared.getEnvironment();
            // Not created for PostgreSQL with the key in the environment: nothing would be stored there.
            String url = env.getProperty("spring.datasource.url", "");
            boolean embedded = url.startsWith(H2_FILE);
            secureDirectory(dataDir(env), embedded);
            if (embedded) {
                precreateTraceFile(url);
            }
        } else if (event instanceof ApplicationStartedEvent started) {
            secureFiles(dataDir(started.getApplicationContext().getEnvironment()));
        }
    }

    private static Path dataDir(Environment env) {
        return Path.of(env.getProperty("chartscribe.data-dir", "./data")).toAbsolutePath();
    }

    static void secureDirectory(Path dir, boolean create) {
        try {
            if (Files.isDirectory(dir)) {
                if (posix(dir) && !Files.getPosixFilePermissions(dir).equals(DIRECTORY)) {
                    Files.setPosixFilePermissions(dir, DIRECTORY);
                    log.info("Data directory {} was readable by others; now owner-only (0700)", dir);
                }
            } else if (create) {
                Files.createDirectories(dir.getParent());
                if (posix(dir.getParent())) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
                } else {
                    Files.createDirectory(dir);
                    log.debug("Data directory {} is not on a POSIX file system; permissions left as they are", dir);
                }
            }
        } catch (IOException e) {
            // Not fatal: the operator may manage the directory (e.g. a mounted volume owned by root).
            log.warn("Cannot make data directory {} owner-only: {}", dir, e.getClass().getSimpleName());
        }
    }

    /**
     * H2 writes errors (one is logged on every close when assertions are on) to {@code <db>.trace.db},
     * created at the first error with the umask's mode; it appends to an existing file, so an empty
     * owner-only one made now keeps its mode.
     */
    static void precreateTraceFile(String url) {
        String base = url.substring(H2_FILE.length()).split(";", 2)[0];
        Path trace = Path.of(base + ".trace.db").toAbsolutePath();
        try {
            if (Files.isDirectory(trace.getParent()) && posix(trace) && Files.notExists(trace, LinkOption.NOFOLLOW_LINKS)) {
                Files.createFile(trace, PosixFilePermissions.asFileAttribute(FILE));
            }
        } catch (IOException e) {
            log.debug("Cannot pre-create the H2 trace file: {}", e.getClass().getSimpleName());
        }
    }

    static void secureFiles(Path dir) {
        if (!Files.isDirectory(dir) || !posix(dir)) {
            log.debug("Data directory {} is absent or not POSIX; file permissions left as they are", dir);
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                // Not following links: a symlink planted in the directory must not redirect the chmod.
                if (!Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).equals(FILE)) {
                    Files.setPosixFilePermissions(file, FILE);
                }
            }
        } catch (IOException e) {
            log.warn("Cannot make the files in {} owner-only: {}", dir, e.getClass().getSimpleName());
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
