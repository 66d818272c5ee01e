package org.chartscribe.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.util.Locale;
import javax.sql.DataSource;
import org.chartscribe.config.ChartScribeProperties;
import org.chartscribe.note.UnitOfWork;
import org.chartscribe.store.crypto.ContentCipher;
import org.chartscribe.store.crypto.FileKeyVault;
import org.chartscribe.store.crypto.KeyConfigException;
import org.chartscribe.store.crypto.KeyVault;
import org.chartscribe.store.crypto.KeyRing;
import org.chartscribe.store.crypto.KeyRingLoader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the stores. The JdbcClient is Boot's, which is created after Flyway has migrated. A
 * {@link Clock} bean is used when the application defines one, else the system UTC clock.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    KeyRing keyRing(ChartScribeProperties properties) {
        return KeyRingLoader.load(properties.encryptionKey(), properties.dataDir(), properties.localMode());
    }

    /** Also for other features that keep secrets at rest (e.g. SMART tokens): bind the row id as associated data. */
    @Bean
    ContentCipher contentCipher(KeyRing keyRing) {
        return new ContentCipher(keyRing);
    }

    /**
     * Where note data keys live ({@code CHARTSCRIBE_KEY_VAULT}): {@code file} is the data directory's
     * {@code note-keys.vault}, where a destroyed key is overwritten in place (one instance only);
     * {@code database} is the {@code note_keys} table, shared by several instances but weaker (dead
     * rows and WAL keep a destroyed key for a while); {@code auto} picks the file with the embedded
     * H2 and the table with any other database. See docs/RELIABILITY.md.
     */
    @Bean
    KeyVault keyVault(ChartScribeProperties properties, ContentCipher cipher, DataSource dataSource,
                      @Value("${chartscribe.key-vault:auto}") String kind,
                      @Value("${spring.datasource.url:}") String url, ObjectProvider<Clock> clock) {
        boolean file = switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "file" -> true;
            case "database" -> false;
            case "auto", "" -> url.startsWith("jdbc:h2:file:");
            default -> throw new KeyConfigException("chartscribe.key-vault must be auto, file or database");
        };
        return file
                ? FileKeyVault.open(properties.dataDir().resolve(FileKeyVault.FILE_NAME), cipher, clock.getIfAvailable(Clock::systemUTC))
                : new JdbcKeyVault(dataSource, cipher, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    JdbcNoteStore noteStore(JdbcClient jdbc, ContentCipher cipher, KeyVault keyVault, ObjectProvider<Clock> clock) {
        return new JdbcNoteStore(jdbc, cipher, keyVault, storageMapper(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    H2CompactOnShutdown h2CompactOnShutdown(DataSource dataSource, @Value("${spring.datasource.url:}") String url,
                                            @Value("${chartscribe.compact-on-shutdown:true}") boolean enabled) {
        return new H2CompactOnShutdown(dataSource, url, enabled);
    }

    @Bean
    JdbcIdempotencyStore idempotencyStore(JdbcClient jdbc) {
        return new JdbcIdempotencyStore(jdbc);
    }

    @Bean
    JdbcApiKeyStore apiKeyStore(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        return new JdbcApiKeyStore(jdbc, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    AuditLog auditLog(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        return new AuditLog(jdbc, clock.getIfAvailable(Clock::systemUTC));
    }

    /** The note service's store writes that belong together, in one database transaction. */
    @Bean
    UnitOfWork unitOfWork(PlatformTransactionManager transactions) {
        return new TransactionalUnitOfWork(transactions);
    }

    /**
     * The stored note format, kept apart from the web API's ObjectMapper (whose naming rules may
     * change) and not a bean (a second ObjectMapper bean would switch off Boot's). Unknown fields are
     * ignored so notes written by a newer version still read.
     */
    static ObjectMapper storageMapper() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }
}
