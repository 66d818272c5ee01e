package org.chartscribe.jobs;

import java.util.ArrayList;
import java.util.List;
import org.chartscribe.store.TenantIds;

/** Parses {@code CHARTSCRIBE_BOOTSTRAP_WEBHOOK_SECRETS=tenant:secret,...}; errors name the entry, never the secret. */
final class BootstrapWebhookSecrets {
    static final String ENV_NAME = "CHARTSCRIBE_BOOTSTRAP_WEBHOOK_SECRETS";
    static final int MIN_SECRET_LENGTH = 16;

    record Entry(String tenantId, String secret) {
        @Override
        public String toString() {
            return "Entry[" + tenantId + ", <secret>]";
        }
    }

    private BootstrapWebhookSecrets() {}

    static List<Entry> parse(String value) {
        List<Entry> entries = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return entries;
        }
        String[] items = value.split(",");
        for (int i = 0; i < items.length; i++) {
            String item = items[i].trim();
            int colon = item.indexOf(':');
            if (colon <= 0 || colon == item.length() - 1) {
                throw new IllegalStateException(ENV_NAME + " entry " + (i + 1) + " is malformed: expected tenant:secret");
            }
            String tenant = item.substring(0, colon);
            String secret = item.substring(colon + 1);
            if (!TenantIds.isValid(tenant)) {
                throw new IllegalStateException(ENV_NAME + " entry " + (i + 1) + " has an invalid tenant id");
            }
            if (secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException(ENV_NAME + " entry " + (i + 1) + ": the secret must be at least "
                        + MIN_SECRET_LENGTH + " characters");
            }
            entries.add(new Entry(tenant, secret));
        }
        return entries;
    }
}
