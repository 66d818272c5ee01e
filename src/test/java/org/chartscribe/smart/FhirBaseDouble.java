package org.chartscribe.smart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.chartscribe.testehr.TestAuthorizationServer;

/**
 * A stand-in for the discovery documents a FHIR server serves, for the OAuth tests only (the real
 * test FHIR server is {@code org.chartscribe.testehr.TestFhirServer}). One JDK HTTP server, several
 * FHIR bases, each answering {@code /.well-known/smart-configuration} and/or {@code /metadata} the way
 * a kind of EHR does, plus anything else a test wants to serve (e.g. a JWKS).
 */
public final class FhirBaseDouble implements AutoCloseable {
    /** A SMART 2 server: smart-configuration with permission-v2. */
    public static final String V2 = "fhir";
    /** A server that speaks only v1 scopes. */
    public static final String V1_ONLY = "fhir-v1";
    /** No smart-configuration: endpoints only in the CapabilityStatement. */
    public static final String CAPABILITY_ONLY = "fhir-cap";
    /** A smart-configuration that sends the browser to a foreign http host. */
    public static final String FOREIGN_AUTHORIZE = "fhir-foreign";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, Supplier<String>> documents = new ConcurrentHashMap<>();

    private FhirBaseDouble(HttpServer server) {
        this.server = server;
    }

    public static FhirBaseDouble start(TestAuthorizationServer ehr) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FhirBaseDouble fhir = new FhirBaseDouble(server);
            server.createContext("/", fhir::handle);
            server.start();
            fhir.serveJson("/" + V2 + "/.well-known/smart-configuration", ehr::smartConfiguration);
            fhir.serveJson("/" + V1_ONLY + "/.well-known/smart-configuration", () -> {
                Map<String, Object> config = new LinkedHashMap<>(ehr.smartConfiguration());
                config.put("capabilities", List.of("launch-ehr", "launch-standalone", "client-confidential-asymmetric",
                        "sso-openid-connect", "permission-v1", "permission-offline"));
                return config;
            });
            fhir.serveJson("/" + CAPABILITY_ONLY + "/metadata", () -> capabilityStatement(ehr));
            fhir.serveJson("/" + FOREIGN_AUTHORIZE + "/.well-known/smart-configuration", () -> {
                Map<String, Object> config = new LinkedHashMap<>(ehr.smartConfiguration());
                config.put("authorization_endpoint", "http://evil.example/authorize");
                return config;
            });
            return fhir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String base(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    public void serveJson(String path, Supplier<?> body) {
        documents.put(path, () -> {
            try {
                return JSON.writeValueAsString(body.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void handle(HttpExchange exchange) throws IOException {
        Supplier<String> doc = documents.get(exchange.getRequestURI().getPath());
        byte[] body = (doc == null ? "{\"error\":\"not found\"}" : doc.get()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(doc == null ? 404 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, Object> capabilityStatement(TestAuthorizationServer ehr) {
        return Map.of("resourceType", "CapabilityStatement", "status", "active", "kind", "instance",
                "fhirVersion", "4.0.1", "format", List.of("json"),
                "rest", List.of(Map.of("mode", "server", "security", Map.of(
                        "service", List.of(Map.of("coding", List.of(Map.of(
                                "system", "http://terminology.hl7.org/CodeSystem/restful-security-service",
                                "code", "SMART-on-FHIR")))),
                        "extension", List.of(Map.of(
                                "url", "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
                                "extension", List.of(
                                        Map.of("url", "authorize", "valueUri", ehr.authorizationEndpoint().toString()),
                                        Map.of("url", "token", "valueUri", ehr.tokenEndpoint().toString()))))))));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
