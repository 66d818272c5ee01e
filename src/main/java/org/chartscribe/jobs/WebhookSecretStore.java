package org.chartscribe.jobs;

import org.chartscribe.store.DbTime;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.chartscribe.store.crypto.ContentCipher;
import org.chartscribe.store.crypto.Sealed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each tenant's webhook signing secret in {@code webhook_secrets}, sealed with the master key and
 * bound to the tenant. One secret per tenant: rotating replaces it at once (receivers accept the
 * new one from then on). Secrets are printed once, by the keys CLI, and never logged.
 */
public class WebhookSecretStore {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ContentCipher master;
    private final Clock clock;
    private final TransactionTemplate tx;

    public WebhookSecretStore(JdbcClient jdbc, ContentCipher master, Clock clock, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.master = master;
        this.clock = clock;
        this.tx = tx;
    }

    /** Creates or replaces the tenant's secret with a fresh random one and returns it. */
    public String rotate(String tenantId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        set(tenantId, secret);
        return secret;
    }

    /** Sets the tenant's secret (bootstrap); idempotent. */
    public void set(String tenantId, String secret) {
        Sealed sealed = master.encrypt(secret.getBytes(StandardCharsets.UTF_8), associatedData(tenantId));
        tx.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM webhook_secrets WHERE tenant_id = ?").param(tenantId).update();
            jdbc.sql("INSERT INTO webhook_secrets (tenant_id, key_id, iv, ciphertext, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(tenantId, sealed.keyId(), sealed.iv(), sealed.ciphertext(), DbTime.toDb(clock.instant()))
                    .update();
        });
    }

    public Optional<String> find(String tenantId) {
        return jdbc.sql("SELECT key_id, iv, ciphertext FROM webhook_secrets WHERE tenant_id = ?")
                .param(tenantId)
                .query((rs, n) -> new Sealed(rs.getString(1), rs.getBytes(2), rs.getBytes(3)))
                .optional()
                .map(sealed -> new String(master.decrypt(sealed, associatedData(tenantId)), StandardCharsets.UTF_8));
    }

    private static String associatedData(String tenantId) {
        return "webhook-secrets/" + tenantId;
    }
}
