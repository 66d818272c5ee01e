package org.chartscribe.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.chartscribe.store.crypto.ContentCipher;
import org.chartscribe.store.crypto.FileKeyVault;
import org.chartscribe.store.crypto.KeyVault;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The store contract on H2, the embedded default, with its default data key vault: a file. */
class H2StoreTest extends StoreContractTest {

    private final DataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    @Override
    KeyVault openVault(ContentCipher master, Path dir, Clock clock) {
        return FileKeyVault.open(dir.resolve(FileKeyVault.FILE_NAME), master, clock);
    }
}
