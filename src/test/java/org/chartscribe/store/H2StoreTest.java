package org.chartscribe.store;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The store contract on H2, the embedded default. */
class H2StoreTest extends StoreContractTest {

    private final DataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
