package org.chartscribe.store;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

final class TestDatabases {
    private TestDatabases() {}

    /** A fresh in-memory H2 database migrated by the production scripts. */
    static DataSource migratedH2() {
        DataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }
}
