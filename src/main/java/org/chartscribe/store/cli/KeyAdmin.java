package org.chartscribe.store.cli;

import java.util.List;
import java.util.Optional;
import org.chartscribe.store.ApiKeyStore;
import org.chartscribe.jobs.WebhookSecretStore;
import org.chartscribe.store.AuditLog;

/** What the key commands need, served by the database directly or by the running server. */
interface KeyAdmin {

    ApiKeyStore.Created create(String tenantId);

    List<ApiKeyStore.KeyInfo> list();

    boolean revoke(String keyId);

    /** Creates or replaces the tenant's webhook signing secret; returns it (shown once). */
    String rotateWebhookSecret(String tenantId);

    /** The database opened by the CLI itself (no server running, or PostgreSQL). */
    record Direct(ApiKeyStore keys, AuditLog audit, WebhookSecretStore webhookSecrets) implements KeyAdmin {
        @Override
        public ApiKeyStore.Created create(String tenantId) {
            ApiKeyStore.Created created = keys.create(tenantId);
            audit.record(tenantId, "api_key.created", null, null);
            return created;
        }

        @Override
        public List<ApiKeyStore.KeyInfo> list() {
            return keys.list();
        }

        @Override
        public boolean revoke(String keyId) {
            Optional<String> tenant = keys.list().stream().filter(k -> k.keyId().equals(keyId))
                    .map(ApiKeyStore.KeyInfo::tenantId).findFirst();
            if (!keys.revoke(keyId)) {
                return false;
            }
            tenant.ifPresent(t -> audit.record(t, "api_key.revoked", null, null));
            return true;
        }

        @Override
        public String rotateWebhookSecret(String tenantId) {
            String secret = webhookSecrets.rotate(tenantId);
            audit.record(tenantId, "webhook_secret.rotated", null, null);
            return secret;
        }
    }
}
