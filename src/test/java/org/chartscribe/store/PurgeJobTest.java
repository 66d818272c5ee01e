package org.chartscribe.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.chartscribe.config.ChartScribeProperties;
import org.chartscribe.note.IdempotencyStore;
import org.chartscribe.note.NoteLookup;
import org.chartscribe.store.crypto.ContentCipher;
import org.chartscribe.store.crypto.KeyRing;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

class PurgeJobTest {

    @Test
    void destroysExpiredNotesWithTheirDataKeysAndForgetsDayOldIdempotencyKeys() {
        DataSource dataSource = TestDatabases.migratedH2();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Clock clock = Clock.fixed(StoreContractTest.NOW, ZoneOffset.UTC);
        ContentCipher cipher = new ContentCipher(KeyRing.of(Map.of("k1", StoreContractTest.key(1))));
        JdbcNoteStore notes = new JdbcNoteStore(jdbc, cipher, new JdbcKeyVault(dataSource, cipher, clock),
                StoreConfiguration.storageMapper(), clock);
        JdbcIdempotencyStore idempotency = new JdbcIdempotencyStore(jdbc);
        notes.save(StoreContractTest.note("expired", "acme", clock.instant().minusSeconds(1)));
        notes.save(StoreContractTest.note("live", "acme", clock.instant().plusSeconds(60)));
        idempotency.record("acme", "old", new IdempotencyStore.Entry("h", "expired", clock.instant().minus(Duration.ofHours(25))));
        idempotency.record("acme", "new", new IdempotencyStore.Entry("h", "live", clock.instant().minus(Duration.ofHours(1))));
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("clock", clock);
        ChartScribeProperties properties = new ChartScribeProperties(Path.of("unused"), null, Duration.ofDays(30),
                Duration.ofHours(1), null, ChartScribeProperties.Mode.LOCAL, DataSize.ofMegabytes(2), false);

        new PurgeJob(notes, idempotency, properties, beans.getBeanProvider(Clock.class)).run();

        assertThat(jdbc.sql("SELECT note_id FROM notes WHERE ciphertext IS NULL").query(String.class).list())
                .containsExactly("expired");
        assertThat(notes.find("acme", "live", clock.instant())).isInstanceOf(NoteLookup.Found.class);
        assertThat(jdbc.sql("SELECT slot FROM note_keys").query(Long.class).list()).as("data keys left: the live note's")
                .containsExactly(jdbc.sql("SELECT key_slot FROM notes WHERE note_id = 'live'").query(Long.class).single());
        assertThat(idempotency.find("acme", "old")).isEmpty();
        assertThat(idempotency.find("acme", "new")).isPresent();
    }
}
