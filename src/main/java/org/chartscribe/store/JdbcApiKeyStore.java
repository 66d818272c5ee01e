package org.chartscribe.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.chartscribe.ids.RandomIds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API keys stored as SHA-256 hex. A plain (unsalted, fast) hash is the right tool here because
 * generated keys carry 256 random bits and registered keys must be long: nothing can be guessed,
 * and a deterministic hash lets a request find its key with one indexed lookup. Passwords, which
 * are guessable, would need a slow salted hash instead.
 */
public class JdbcApiKeyStore implements ApiKeyStore {

    /** Registered (bootstrap) keys shorter than this are refused: too guessable for a fast hash. */
    public static final int MIN_REGISTERED_KEY_LENGTH = 16;
    private static final String KEY_PREFIX = "cs_";
    private static final int DISPLAY_PREFIX_LENGTH = 8;
    /** Key ids are addressable (revocation): random, not a timestamp and a counter. */
    private static final RandomIds KEY_IDS = RandomIds.withPrefix("key_");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public JdbcApiKeyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Created create(String tenantId) {
        TenantIds.require(tenantId);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String plaintext = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Created(insert(tenantId, plaintext), plaintext);
    }

    @Override
    public KeyInfo register(String tenantId, String plaintextKey) {
        TenantIds.require(tenantId);
        if (plaintextKey == null || plaintextKey.strip().length() < MIN_REGISTERED_KEY_LENGTH
                || !plaintextKey.equals(plaintextKey.strip())) {
            throw new IllegalArgumentException("API key must be at least " + MIN_REGISTERED_KEY_LENGTH
                    + " characters without surrounding spaces");
        }
        Optional<KeyInfo> existing = findByHash(Sha256.hex(plaintextKey));
        if (existing.isPresent()) {
            return sameTenant(existing.get(), tenantId);
        }
        try {
            return insert(tenantId, plaintextKey);
        } catch (DuplicateKeyException anotherInstanceRegisteredItFirst) {
            return sameTenant(findByHash(Sha256.hex(plaintextKey)).orElseThrow(), tenantId);
        }
    }

    /** A revoked key stays revoked when registered again: revocation is the operator's later decision. */
    private static KeyInfo sameTenant(KeyInfo existing, String tenantId) {
        if (!existing.tenantId().equals(tenantId)) {
            throw new IllegalArgumentException("API key is already registered to another tenant");
        }
        return existing;
    }

    @Override
    public Optional<String> tenantOf(String plaintextKey) {
        if (plaintextKey == null || plaintextKey.isEmpty()) {
            return Optional.empty();
        }
        String hash = Sha256.hex(plaintextKey);
        return jdbc.sql("SELECT tenant_id, key_hash FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL")
                .param(hash)
                .query((rs, n) -> new String[] {rs.getString("tenant_id"), rs.getString("key_hash")})
                .optional()
                // The index found the row; compare in constant time anyway so no timing depends on key bytes here.
                .filter(row -> MessageDigest.isEqual(row[1].getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)))
                .map(row -> row[0]);
    }

    @Override
    public List<KeyInfo> list() {
        return jdbc.sql("SELECT key_id, tenant_id, prefix, created_at, revoked_at FROM api_keys ORDER BY created_at, key_id")
                .query(JdbcApiKeyStore::info)
                .list();
    }

    @Override
    public boolean revoke(String keyId) {
        return jdbc.sql("UPDATE api_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL")
                .params(DbTime.toDb(clock.instant()), keyId)
                .update() == 1;
    }

    /** True when there is no active (unrevoked) key, i.e. nobody could call the API. */
    @Override
    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE revoked_at IS NULL").query(Long.class).single() == 0;
    }

    private KeyInfo insert(String tenantId, String plaintext) {
        KeyInfo info = new KeyInfo(KEY_IDS.get().toLowerCase(),
                tenantId, displayPrefix(plaintext), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), null);
        jdbc.sql("INSERT INTO api_keys (key_id, tenant_id, key_hash, prefix, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(info.keyId(), tenantId, Sha256.hex(plaintext), info.prefix(), DbTime.toDb(info.createdAt()))
                .update();
        return info;
    }

    /** Enough to recognise a key, never more than a quarter of it (registered keys can be short). */
    private static String displayPrefix(String plaintext) {
        return plaintext.substring(0, Math.min(DISPLAY_PREFIX_LENGTH, plaintext.length() / 4));
    }

    private Optional<KeyInfo> findByHash(String hash) {
        return jdbc.sql("SELECT key_id, tenant_id, prefix, created_at, revoked_at FROM api_keys WHERE key_hash = ?")
                .param(hash)
                .query(JdbcApiKeyStore::info)
                .optional();
    }

    private static KeyInfo info(ResultSet rs, int rowNum) throws SQLException {
        return new KeyInfo(rs.getString("key_id"), rs.getString("tenant_id"), rs.getString("prefix"),
                DbTime.fromDb(rs, "created_at"), DbTime.fromDb(rs, "revoked_at"));
    }
}
