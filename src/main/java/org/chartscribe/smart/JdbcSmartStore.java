package org.chartscribe.smart;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.chartscribe.fhir.FhirDialect;
import org.chartscribe.store.crypto.ContentCipher;
import org.chartscribe.store.crypto.Sealed;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Launches and sessions in {@code smart_launches} / {@code smart_sessions} (V2__smart.sql). Keys are
 * SHA-256 hashes of the browser-held values; secrets and PHI are sealed with {@link ContentCipher}
 * under associated data naming the table, row and field group, so a sealed value moved elsewhere does
 * not decrypt. A launch is consumed with one conditional UPDATE, so two callbacks racing with the
 * same state cannot both win.
 */
public class JdbcSmartStore {
    private final JdbcClient jdbc;
    private final ContentCipher cipher;
    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** Sealed part of a launch. */
    record LaunchSecrets(String verifier, String nonce) {}

    /** Sealed clinical context of a session (PHI). */
    record SessionContext(String patient, String encounter, String fhirUser, String csrfToken) {}

    /** Sealed tokens of a session. */
    record SessionTokens(String accessToken, String refreshToken) {}

    /** A session row, decrypted. */
    record SessionRow(String sessionHash, String tenantId, String iss, FhirDialect dialect, URI tokenEndpoint,
                      String scope, SessionContext context, SessionTokens tokens, Instant tokenExpiresAt,
                      Instant expiresAt) {
        @Override
        public String toString() {
            return "SessionRow[tenantId=" + tenantId + ", expiresAt=" + expiresAt + "]";
        }
    }

    public JdbcSmartStore(JdbcClient jdbc, ContentCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void saveLaunch(String stateHash, String bindingHash, PendingLaunch launch, Instant now) {
        Sealed sealed = seal(new LaunchSecrets(launch.verifier(), launch.nonce()), launchAd(stateHash));
        SmartEndpoints e = launch.endpoints();
        jdbc.sql("""
                INSERT INTO smart_launches (state_hash, binding_hash, iss, authorization_endpoint, token_endpoint,
                    jwks_uri, issuer, redirect_uri, scope, key_id, iv, ciphertext, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(stateHash, bindingHash, launch.iss(), e.authorizationEndpoint().toString(),
                        e.tokenEndpoint().toString(), e.jwksUri().map(URI::toString).orElse(null),
                        e.issuer().orElse(null), launch.redirectUri().toString(), launch.scope(),
                        sealed.keyId(), sealed.iv(), sealed.ciphertext(), toDb(now), toDb(launch.expiresAt()))
                .update();
    }

    /**
     * Marks the launch used and returns it, if it exists, belongs to this browser, is unexpired and
     * unused; otherwise empty (and nothing changes). Its secrets are destroyed in the same statement's
     * follow-up: a used launch keeps no verifier.
     */
    Optional<PendingLaunch> consumeLaunch(String stateHash, String bindingHash, Instant now) {
        int won = jdbc.sql("""
                UPDATE smart_launches SET used_at = ?
                WHERE state_hash = ? AND binding_hash = ? AND used_at IS NULL AND expires_at > ?""")
                .params(toDb(now), stateHash, bindingHash, toDb(now))
                .update();
        if (won != 1) {
            return Optional.empty();
        }
        PendingLaunch launch = jdbc.sql("""
                SELECT iss, authorization_endpoint, token_endpoint, jwks_uri, issuer, redirect_uri, scope,
                    key_id, iv, ciphertext, expires_at
                FROM smart_launches WHERE state_hash = ?""")
                .param(stateHash)
                .query((rs, n) -> launch(rs, stateHash))
                .single();
        jdbc.sql("UPDATE smart_launches SET key_id = NULL, iv = NULL, ciphertext = NULL WHERE state_hash = ?")
                .param(stateHash).update();
        return Optional.of(launch);
    }

    /** Burns a launch whatever its binding (the EHR answered with an error for it). */
    void burnLaunch(String stateHash, Instant now) {
        jdbc.sql("""
                UPDATE smart_launches SET used_at = ?, key_id = NULL, iv = NULL, ciphertext = NULL
                WHERE state_hash = ? AND used_at IS NULL""")
                .params(toDb(now), stateHash).update();
    }

    void saveSession(String sessionHash, String tenantId, String iss, FhirDialect dialect, URI tokenEndpoint,
                     String scope, SessionContext context, SessionTokens tokens, Instant tokenExpiresAt,
                     Instant expiresAt, Instant now) {
        Sealed ctx = seal(context, sessionAd(sessionHash, "context"));
        Sealed tok = seal(tokens, sessionAd(sessionHash, "tokens"));
        jdbc.sql("""
                INSERT INTO smart_sessions (session_hash, tenant_id, iss, dialect, token_endpoint, scope,
                    context_key_id, context_iv, context_cipher, tokens_key_id, tokens_iv, tokens_cipher,
                    token_expires_at, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(sessionHash, tenantId, iss, dialect.code(), tokenEndpoint.toString(), scope,
                        ctx.keyId(), ctx.iv(), ctx.ciphertext(), tok.keyId(), tok.iv(), tok.ciphertext(),
                        toDb(tokenExpiresAt), toDb(expiresAt), toDb(now))
                .update();
    }

    /** The live session with this hash; empty when unknown or expired. */
    Optional<SessionRow> findSession(String sessionHash, Instant now) {
        return jdbc.sql("""
                SELECT tenant_id, iss, dialect, token_endpoint, scope, context_key_id, context_iv, context_cipher,
                    tokens_key_id, tokens_iv, tokens_cipher, token_expires_at, expires_at
                FROM smart_sessions WHERE session_hash = ? AND expires_at > ?""")
                .params(sessionHash, toDb(now))
                .query((rs, n) -> session(rs, sessionHash))
                .optional();
    }

    void updateTokens(String sessionHash, SessionTokens tokens, Instant tokenExpiresAt) {
        Sealed tok = seal(tokens, sessionAd(sessionHash, "tokens"));
        jdbc.sql("""
                UPDATE smart_sessions SET tokens_key_id = ?, tokens_iv = ?, tokens_cipher = ?, token_expires_at = ?
                WHERE session_hash = ?""")
                .params(tok.keyId(), tok.iv(), tok.ciphertext(), toDb(tokenExpiresAt), sessionHash)
                .update();
    }

    void deleteSession(String sessionHash) {
        jdbc.sql("DELETE FROM smart_sessions WHERE session_hash = ?").param(sessionHash).update();
    }

    /** Deletes launches past their expiry (used or not) and ended sessions. Idempotent. */
    int purgeExpired(Instant now) {
        int launches = jdbc.sql("DELETE FROM smart_launches WHERE expires_at <= ?").param(toDb(now)).update();
        int sessions = jdbc.sql("DELETE FROM smart_sessions WHERE expires_at <= ?").param(toDb(now)).update();
        // The notes a session generated stay approvable only while it lives.
        jdbc.sql("DELETE FROM smart_session_notes WHERE session_hash NOT IN (SELECT session_hash FROM smart_sessions)")
                .update();
        return launches + sessions;
    }

    static String launchAd(String stateHash) {
        return "smart_launches/" + stateHash;
    }

    static String sessionAd(String sessionHash, String group) {
        return "smart_sessions/" + sessionHash + "/" + group;
    }

    /** Seals a launch's secrets as this store does; package-visible so a test can plant a wrong verifier. */
    void replaceLaunchSecrets(String stateHash, LaunchSecrets secrets) {
        Sealed sealed = seal(secrets, launchAd(stateHash));
        jdbc.sql("UPDATE smart_launches SET key_id = ?, iv = ?, ciphertext = ? WHERE state_hash = ?")
                .params(sealed.keyId(), sealed.iv(), sealed.ciphertext(), stateHash).update();
    }

    private PendingLaunch launch(ResultSet rs, String stateHash) throws SQLException {
        LaunchSecrets secrets = open(new Sealed(rs.getString("key_id"), rs.getBytes("iv"), rs.getBytes("ciphertext")),
                launchAd(stateHash), LaunchSecrets.class);
        SmartEndpoints endpoints = new SmartEndpoints(URI.create(rs.getString("authorization_endpoint")),
                URI.create(rs.getString("token_endpoint")),
                Optional.ofNullable(rs.getString("jwks_uri")).map(URI::create),
                Optional.ofNullable(rs.getString("issuer")), List.of());
        return new PendingLaunch(rs.getString("iss"), endpoints, URI.create(rs.getString("redirect_uri")),
                rs.getString("scope"), secrets.verifier(), secrets.nonce(), fromDb(rs, "expires_at"));
    }

    private SessionRow session(ResultSet rs, String sessionHash) throws SQLException {
        SessionContext context = open(new Sealed(rs.getString("context_key_id"), rs.getBytes("context_iv"),
                rs.getBytes("context_cipher")), sessionAd(sessionHash, "context"), SessionContext.class);
        SessionTokens tokens = open(new Sealed(rs.getString("tokens_key_id"), rs.getBytes("tokens_iv"),
                rs.getBytes("tokens_cipher")), sessionAd(sessionHash, "tokens"), SessionTokens.class);
        return new SessionRow(sessionHash, rs.getString("tenant_id"), rs.getString("iss"),
                FhirDialect.fromCode(rs.getString("dialect")).orElse(FhirDialect.GENERIC),
                URI.create(rs.getString("token_endpoint")), rs.getString("scope"), context, tokens,
                fromDb(rs, "token_expires_at"), fromDb(rs, "expires_at"));
    }

    private Sealed seal(Object value, String associatedData) {
        try {
            return cipher.encrypt(json.writeValueAsBytes(value), associatedData);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise SMART secrets: " + e.getClass().getSimpleName());
        }
    }

    private <T> T open(Sealed sealed, String associatedData, Class<T> type) {
        try {
            return json.readValue(cipher.decrypt(sealed, associatedData), type);
        } catch (IOException e) {
            throw new IllegalStateException("stored SMART secrets cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /** Same convention as the note store: microseconds, UTC, on H2 and PostgreSQL alike. */
    static OffsetDateTime toDb(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static Instant fromDb(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
