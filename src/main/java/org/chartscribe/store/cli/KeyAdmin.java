package org.chartscribe.store.cli;

import java.util.List;
import java.util.Optional;
import org.chartscribe.store.ApiKeyStore;
import org.chartscribe.store.AuditLog;

/** What the key commands need, served by the database directly or by the running server. */
interface KeyAdmin {

    ApiKeyStore.Created create(String tenantId);

    List<ApiKeyStore.KeyInfo> list();

    boolean revoke(String keyId);

    /** The database opened by the CLI itself (no server running, or PostgreSQL). */
    record Direct(ApiKeyStore keys, AuditLog audit) implements KeyAdmin {
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
    }
}
