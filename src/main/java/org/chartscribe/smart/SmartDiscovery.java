package org.chartscribe.smart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds an EHR's OAuth endpoints: {@code {iss}/.well-known/smart-configuration} first, then the
 * CapabilityStatement's {@code oauth-uris} extension. Answers are cached per iss for a few minutes so
 * a burst of launches does not hit the EHR each time, yet a changed configuration is picked up soon.
 * Endpoints must be https, or http on a loopback host (test and local EHRs).
 */
public final class SmartDiscovery {
    static final Duration CACHE_TTL = Duration.ofMinutes(5);
    private static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";
    private static final Logger log = LoggerFactory.getLogger(SmartDiscovery.class);

    private final SmartHttp http;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(SmartEndpoints endpoints, Instant fetchedAt) {}

    public SmartDiscovery(SmartHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** @throws SmartFlowException (502) when neither document names usable endpoints */
    public SmartEndpoints discover(String iss) {
        Cached cached = cache.get(iss);
        Instant now = clock.instant();
        if (cached != null && cached.fetchedAt().plus(CACHE_TTL).isAfter(now)) {
            return cached.endpoints();
        }
        SmartEndpoints endpoints = fromSmartConfiguration(iss).or(() -> fromCapabilityStatement(iss))
                .orElseThrow(() -> new SmartFlowException(502, "The EHR did not say where to sign in"
                        + " (no usable .well-known/smart-configuration or CapabilityStatement)."));
        cache.put(iss, new Cached(endpoints, now));
        return endpoints;
    }

    private Optional<SmartEndpoints> fromSmartConfiguration(String iss) {
        URI uri = URI.create(iss + "/.well-known/smart-configuration");
        return fetch(uri, "smart-configuration", "application/json").flatMap(SmartDiscovery::smartConfiguration);
    }

    private static Optional<SmartEndpoints> smartConfiguration(JsonNode doc) {
        Optional<URI> authorize = endpoint(doc.path("authorization_endpoint"));
        Optional<URI> token = endpoint(doc.path("token_endpoint"));
        if (authorize.isEmpty() || token.isEmpty()) {
            return Optional.empty();
        }
        List<String> capabilities = new ArrayList<>();
        doc.path("capabilities").forEach(c -> capabilities.add(c.asText()));
        Optional<String> issuer = doc.path("issuer").isTextual() ? Optional.of(doc.get("issuer").asText())
                : Optional.empty();
        return Optional.of(new SmartEndpoints(authorize.get(), token.get(), endpoint(doc.path("jwks_uri")),
                issuer, capabilities));
    }

    private Optional<SmartEndpoints> fromCapabilityStatement(String iss) {
        return fetch(URI.create(iss + "/metadata"), "CapabilityStatement", "application/fhir+json").flatMap(doc -> {
            for (JsonNode rest : doc.path("rest")) {
                for (JsonNode ext : rest.path("security").path("extension")) {
                    if (!OAUTH_URIS.equals(ext.path("url").asText())) {
                        continue;
                    }
                    Optional<URI> authorize = Optional.empty();
                    Optional<URI> token = Optional.empty();
                    for (JsonNode inner : ext.path("extension")) {
                        switch (inner.path("url").asText()) {
                            case "authorize" -> authorize = endpoint(inner.path("valueUri"));
                            case "token" -> token = endpoint(inner.path("valueUri"));
                            default -> { }
                        }
                    }
                    if (authorize.isPresent() && token.isPresent()) {
                        return Optional.of(new SmartEndpoints(authorize.get(), token.get(), Optional.empty(),
                                Optional.empty(), List.of()));
                    }
                }
            }
            return Optional.empty();
        });
    }

    /** Logs name the document, never the URL: sandboxes encode launch parameters (even a patient) in the iss path. */
    private Optional<JsonNode> fetch(URI uri, String document, String accept) {
        try {
            HttpResponse<String> response = http.get(uri, accept);
            if (response.statusCode() != 200) {
                log.info("SMART discovery: the EHR's {} answered {}", document, response.statusCode());
                return Optional.empty();
            }
            JsonNode doc = json.readTree(response.body());
            return doc != null && doc.isObject() ? Optional.of(doc) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.info("SMART discovery: the EHR's {} could not be read ({})", document, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** An absolute https URL, or http on a loopback host; anything else is ignored as unusable. */
    static Optional<URI> endpoint(JsonNode node) {
        if (!node.isTextual()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(node.asText());
            if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            boolean https = "https".equalsIgnoreCase(uri.getScheme());
            boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && isLoopback(uri.getHost());
            return https || loopbackHttp ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    static boolean isLoopback(String host) {
        return "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
    }
}
