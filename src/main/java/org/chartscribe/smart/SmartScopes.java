package org.chartscribe.smart;

import java.util.Arrays;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The scopes to ask for. ChartScribe is configured in SMART v2 syntax ({@code patient/Patient.r}); a
 * server that does not advertise {@code permission-v2} (App Launch 2.x servers that accept v2 scopes
 * say so; SMART 1.0 servers, and servers found only through their CapabilityStatement, say nothing)
 * gets the v1 equivalent ({@code patient/Patient.read}, {@code user/Condition.write}). Pure.
 */
public final class SmartScopes {
    private static final Pattern V2 = Pattern.compile("(patient|user|system)/([A-Za-z*]+)\\.([cruds]+)(\\?.*)?");

    private SmartScopes() {}

    /** The configured v2 scopes, or their v1 form unless the server says it takes v2. */
    public static String forServer(String configuredV2, Collection<String> capabilities) {
        return capabilities.contains("permission-v2") ? normalise(configuredV2) : toV1(configuredV2);
    }

    static String toV1(String v2Scopes) {
        return Arrays.stream(v2Scopes.trim().split("\\s+")).filter(s -> !s.isEmpty()).map(SmartScopes::scopeToV1)
                .distinct().collect(Collectors.joining(" "));
    }

    private static String scopeToV1(String scope) {
        Matcher m = V2.matcher(scope);
        if (!m.matches()) {
            return scope; // launch, openid, fhirUser, offline_access, ... and scopes already in v1 syntax
        }
        String perms = m.group(3);
        boolean reads = perms.contains("r") || perms.contains("s");
        boolean writes = perms.contains("c") || perms.contains("u") || perms.contains("d");
        String v1 = reads && writes ? "*" : writes ? "write" : "read";
        return m.group(1) + "/" + m.group(2) + "." + v1; // v1 has no search-parameter constraints: dropped
    }

    private static String normalise(String scopes) {
        return String.join(" ", scopes.trim().split("\\s+"));
    }
}
