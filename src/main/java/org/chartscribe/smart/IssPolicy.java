package org.chartscribe.smart;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chartscribe.fhir.FhirDialect;

/**
 * Which EHRs may launch ChartScribe, and what tenant and dialect each maps to. Entries are URL prefixes
 * because sandboxes put the launch or tenant in the path. A prefix matches only on a boundary (the
 * iss equals it, or continues with {@code /}), so {@code https://ehr.example} does not admit
 * {@code https://ehr.example.evil.com} or {@code https://ehr.example@evil.com}. Pure: no I/O.
 */
public final class IssPolicy {

    /** What an admitted {@code iss} maps to. */
    public record Admitted(String iss, String prefix, String tenantId, FhirDialect dialect) {}

    private final List<String> allowed;
    private final Map<String, String> tenants;
    private final Map<String, FhirDialect> dialects;

    public IssPolicy(String allowlist, String tenants, String dialects) {
        this.allowed = split(allowlist).stream().map(IssPolicy::trimSlash).toList();
        this.tenants = pairs(tenants, "chartscribe.smart.tenants");
        Map<String, FhirDialect> d = new LinkedHashMap<>();
        pairs(dialects, "chartscribe.smart.dialects").forEach((prefix, code) -> d.put(prefix,
                FhirDialect.fromCode(code).orElseThrow(() -> new IllegalArgumentException(
                        "chartscribe.smart.dialects: unknown dialect '" + code + "' (epic, oracle, generic)"))));
        this.dialects = d;
        this.tenants.values().forEach(t -> {
            if (!t.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                throw new IllegalArgumentException("chartscribe.smart.tenants: '" + t + "' is not a valid tenant id");
            }
        });
    }

    public boolean isEmpty() {
        return allowed.isEmpty();
    }

    /** The admitted iss (normalised: no trailing slash) with its tenant and dialect; empty when refused. */
    public Optional<Admitted> admit(String iss) {
        if (iss == null || iss.isBlank() || !wellFormed(iss)) {
            return Optional.empty();
        }
        String normalised = trimSlash(iss.trim());
        return longestMatch(allowed, normalised).map(prefix -> new Admitted(normalised, prefix,
                longestMatch(tenants.keySet(), normalised).map(tenants::get).orElseGet(() -> derivedTenant(prefix)),
                longestMatch(dialects.keySet(), normalised).map(dialects::get).orElse(FhirDialect.GENERIC)));
    }

    static boolean matches(String prefix, String iss) {
        return iss.equals(prefix) || iss.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }

    /** {@code ehr-} and 12 hex digits of the prefix's SHA-256: stable, short, and no URL in tenant ids. */
    static String derivedTenant(String prefix) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(prefix.getBytes(StandardCharsets.UTF_8));
            return "ehr-" + HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Prefixes are stored without a trailing slash; the most specific one wins. */
    private static Optional<String> longestMatch(Collection<String> prefixes, String iss) {
        return prefixes.stream().filter(p -> matches(p, iss)).max(Comparator.comparingInt(String::length));
    }

    /**
     * An absolute http(s) URL with a host, no user info, query or fragment, and a path that means what it
     * says: no {@code .} or {@code ..} segments, no encoded dot, slash or backslash, no {@code ;} parameters.
     * Otherwise {@code https://ehr/fhir/orgA/../orgB} would pass the prefix {@code https://ehr/fhir/orgA}
     * while discovery and the token's audience resolve to another tenant of the same host.
     */
    private static boolean wellFormed(String iss) {
        try {
            URI uri = new URI(iss.trim());
            String scheme = uri.getScheme();
            return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && plainPath(uri.getRawPath());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean plainPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return true;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || rawPath.contains(";")
                || rawPath.contains("\\")) {
            return false;
        }
        return Arrays.stream(rawPath.split("/")).noneMatch(segment -> segment.equals(".") || segment.equals(".."));
    }

    private static String trimSlash(String url) {
        String s = url.trim();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static List<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** {@code prefix=value,...}; the value follows the last {@code =} since URLs may carry one. */
    private static Map<String, String> pairs(String csv, String setting) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : new ArrayList<>(split(csv))) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException(setting + ": expected prefix=value, got '" + entry + "'");
            }
            map.put(trimSlash(entry.substring(0, eq)), entry.substring(eq + 1).trim());
        }
        return map;
    }
}
