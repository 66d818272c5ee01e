package org.chartscribe.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.chartscribe.store.crypto.ContentCipher;
import org.chartscribe.store.crypto.DataKey;
import org.chartscribe.store.crypto.KeyRing;
import org.chartscribe.store.crypto.KeyVault;
import org.chartscribe.store.crypto.Sealed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Data keys in the {@code note_keys} table, for several instances sharing one PostgreSQL (a file in
 * one instance's data directory would not be seen by the others). Each key is wrapped by the master
 * key with the slot and owner as associated data, in a table of its own: its rows are small, so
 * after {@link #reclaim} (a {@code VACUUM} of that table only) freed space is reused quickly.
 *
 * <p>This is weaker than {@code FileKeyVault}: a deleted row's bytes stay in the table file until
 * VACUUM and page reuse overwrite them, and in WAL segments until they are recycled (for ever in WAL
 * archives, base backups and replicas). Destroying a key here protects against a reader of the live
 * database, not against one holding the PostgreSQL data directory or its archives; see
 * docs/RELIABILITY.md. Thread-safe.
 */
public class JdbcKeyVault implements KeyVault {

    private static final Logger log = LoggerFactory.getLogger(JdbcKeyVault.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ContentCipher master;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public JdbcKeyVault(DataSource dataSource, ContentCipher master, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.master = master;
        this.clock = clock;
    }

    @Override
    public DataKey create(String owner) {
        byte[] raw = new byte[KeyRing.KEY_BYTES];
        random.nextBytes(raw);
        while (true) {
            // Random ids: no sequence to coordinate between instances, and nothing to guess from.
            long slot = 1 + (random.nextLong() >>> 1) % (Long.MAX_VALUE - 1);
            Sealed wrapped = master.encrypt(raw, associatedData(slot, owner));
            try {
                jdbc.sql("INSERT INTO note_keys (slot, key_id, iv, wrapped, created_at) VALUES (?, ?, ?, ?, ?)")
                        .params(slot, wrapped.keyId(), wrapped.iv(), wrapped.ciphertext(), DbTime.toDb(clock.instant()))
                        .update();
                return new DataKey(slot, new SecretKeySpec(raw, "AES"));
            } catch (DuplicateKeyException taken) {
                // one in 2^63: draw again
            }
        }
    }

    @Override
    public Optional<DataKey> open(long slot, String owner) {
        return jdbc.sql("SELECT key_id, iv, wrapped FROM note_keys WHERE slot = ?")
                .param(slot)
                .query((rs, n) -> new Sealed(rs.getString("key_id"), rs.getBytes("iv"), rs.getBytes("wrapped")))
                .optional()
                .flatMap(wrapped -> {
                    if (!master.knowsKey(wrapped.keyId())) {
                        throw new ContentCipher.DecryptionException("data key is wrapped with master key id '"
                                + wrapped.keyId() + "', which is not configured");
                    }
                    try {
                        return Optional.of(new DataKey(slot, new SecretKeySpec(
                                master.decrypt(wrapped, associatedData(slot, owner)), "AES")));
                    } catch (ContentCipher.DecryptionException foreign) {
                        return Optional.empty();
                    }
                });
    }

    @Override
    public void destroy(long slot) {
        jdbc.sql("DELETE FROM note_keys WHERE slot = ?").param(slot).update();
    }

    @Override
    public Set<Long> slotsCreatedBefore(Instant cutoff) {
        return new HashSet<>(jdbc.sql("SELECT slot FROM note_keys WHERE created_at < ?")
                .param(DbTime.toDb(cutoff)).query(Long.class).list());
    }

    /** On PostgreSQL, VACUUM the key table so dead rows' space is freed for reuse (outside any transaction). */
    @Override
    public void reclaim() {
        try (Connection connection = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
            connection.setAutoCommit(true);
            try (Statement vacuum = connection.createStatement()) {
                vacuum.execute("VACUUM note_keys");
            }
        } catch (SQLException e) {
            log.warn("VACUUM of the data key table failed ({}); autovacuum will get to it", e.getClass().getSimpleName());
        }
    }

    static String associatedData(long slot, String owner) {
        return "data-keys/" + slot + "/" + owner;
    }
}
