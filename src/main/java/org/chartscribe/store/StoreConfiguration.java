package org.chartscribe.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import org.chartscribe.config.ChartScribeProperties;
import org.chartscribe.store.crypto.ContentCipher;
import org.chartscribe.store.crypto.KeyRing;
import org.chartscribe.store.crypto.KeyRingLoader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

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

    @Bean
    JdbcNoteStore noteStore(JdbcClient jdbc, ContentCipher cipher, ObjectProvider<Clock> clock) {
        return new JdbcNoteStore(jdbc, cipher, storageMapper(), clock.getIfAvailable(Clock::systemUTC));
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

    /**
     * The stored note format, kept apart from the web API's ObjectMapper (whose naming rules may
     * change) and not a bean (a second ObjectMapper bean would switch off Boot's). Unknown fields are
     * ignored so notes written by a newer version still read.
     */
    static ObjectMapper storageMapper() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }
}
