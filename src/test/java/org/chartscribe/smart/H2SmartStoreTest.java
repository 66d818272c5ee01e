package org.chartscribe.smart;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class H2SmartStoreTest extends SmartStoreContractTest {
    private final DataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:smart-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
