package org.chartscribe.store;

import java.util.regex.Pattern;

/** Tenant ids are short identifiers, safe to log and to print in the CLI. */
public final class TenantIds {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private TenantIds() {}

    public static boolean isValid(String tenantId) {
        return tenantId != null && VALID.matcher(tenantId).matches();
    }

    public static String require(String tenantId) {
        if (!isValid(tenantId)) {
            throw new IllegalArgumentException(
                    "tenant id must be 1-64 characters of A-Z a-z 0-9 . _ - starting with a letter or digit");
        }
        return tenantId;
    }
}
