package org.chartscribe.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code CHARTSCRIBE_BOOTSTRAP_API_KEYS} ({@code tenant:key,tenant2:key2}). Errors name the
 * entry by position, never by content, since the content is a secret.
 */
final class BootstrapApiKeys {

    static final String ENV_NAME = "CHARTSCRIBE_BOOTSTRAP_API_KEYS";

    record Entry(int position, String tenantId, String key) {
        @Override
        public String toString() {
            return "Entry[position=" + position + ", tenantId=" + tenantId + "]";
        }
    }

    private BootstrapApiKeys() {}

    static List<Entry> parse(String value) {
        List<Entry> entries = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return entries;
        }
        String[] parts = value.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            int colon = part.indexOf(':');
            if (colon <= 0 || colon == part.length() - 1) {
                throw new IllegalStateException(ENV_NAME + " entry " + (i + 1) + " is malformed: expected tenant:key");
            }
            String tenantId = part.substring(0, colon).strip();
            if (!TenantIds.isValid(tenantId)) {
                throw new IllegalStateException(ENV_NAME + " entry " + (i + 1)
                        + " has an invalid tenant id: use 1-64 characters of A-Z a-z 0-9 . _ -");
            }
            entries.add(new Entry(i + 1, tenantId, part.substring(colon + 1).strip()));
        }
        return entries;
    }
}
