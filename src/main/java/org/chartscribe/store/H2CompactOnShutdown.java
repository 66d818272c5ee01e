package org.chartscribe.store;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * On a clean stop, rewrites the embedded H2 file with {@code SHUTDOWN COMPACT}. H2's MVStore is
 * copy-on-write: the pages that held a deleted note's ciphertext, and the master-key ciphertext of
 * notes re-sealed under data keys, stay in the file until their space is reused. Crypto-shredding
 * already makes the former undecryptable; compaction is the cheap extra that drops them from the
 * file (a rewrite of the live data, seconds for a large database). Deletion does not rely on it: a
 * crash skips it. Off with {@code CHARTSCRIBE_COMPACT_ON_SHUTDOWN=false}. Runs before the pool
 * closes (this bean depends on the DataSource, so it is destroyed first), and only when no other
 * connection pool has the database open (two application contexts in one JVM share it); the URL has
 * {@code DB_CLOSE_ON_EXIT=FALSE} so H2's own shutdown hook does not close the database first.
 */
final class H2CompactOnShutdown implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(H2CompactOnShutdown.class);

    private static final String H2_FILE = "jdbc:h2:file:";

    private final DataSource dataSource;
    private final String url;
    private final boolean enabled;

    /** Compacts only when {@code enabled} and {@code url} is an embedded H2 file. */
    H2CompactOnShutdown(DataSource dataSource, String url, boolean enabled) {
        this.dataSource = dataSource;
        this.url = url;
        this.enabled = enabled && url.startsWith(H2_FILE);
    }

    @Override
    public void destroy() {
        if (!enabled) {
            return;
        }
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (usedByOthers(statement)) {
                // Another pool in this JVM (a second application context) or an auto-server client:
                // SHUTDOWN would close the database under it.
                log.info("H2 compaction on shutdown skipped: the database is still in use by other connections");
                return;
            }
            statement.execute("SHUTDOWN COMPACT");
            ownerOnly();
            log.info("H2 database compacted on shutdown in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            log.warn("H2 compaction on shutdown skipped ({}); deleted content stays unreadable without its keys",
                    e.getClass().getSimpleName());
        }
    }

    /** The rewritten file is new, with the umask's mode: make it owner-only again, like the start-up does. */
    private void ownerOnly() {
        Path file = Path.of(url.substring(H2_FILE.length()).split(";", 2)[0] + ".mv.db").toAbsolutePath();
        try {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, OwnerOnlyDataDirectory.FILE);
            }
        } catch (IOException e) {
            log.warn("Cannot make the compacted database file owner-only: {}", e.getClass().getSimpleName());
        }
    }

    private boolean usedByOthers(Statement statement) throws SQLException {
        int ours = dataSource instanceof HikariDataSource pool && pool.getHikariPoolMXBean() != null
                ? pool.getHikariPoolMXBean().getTotalConnections() : 1;
        try (ResultSet sessions = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            sessions.next();
            return sessions.getInt(1) > Math.max(ours, 1);
        }
    }
}
