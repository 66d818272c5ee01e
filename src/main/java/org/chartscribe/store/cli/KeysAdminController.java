package org.chartscribe.store.cli;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chartscribe.api.ProblemCode;
import org.chartscribe.api.Problems;
import org.chartscribe.config.ChartScribeProperties;
import org.chartscribe.jobs.WebhookSecretStore;
import org.chartscribe.store.ApiKeyStore;
import org.chartscribe.store.AuditLog;
import org.chartscribe.store.TenantIds;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Key administration for the CLI while the server runs (the embedded H2 file cannot be opened twice):
 * answered only to a loopback caller presenting the secret of {@link AdminEndpointFile}; anyone else
 * gets the 404 of an unknown path. Not part of the public API (hidden from OpenAPI).
 */
@Hidden
@RestController
@ConditionalOnProperty(prefix = "chartscribe", name = "cli", havingValue = "false", matchIfMissing = true)
class KeysAdminController {

    private final ApiKeyStore keys;
    private final AuditLog audit;
    private final WebhookSecretStore webhookSecrets;
    private final ChartScribeProperties properties;
    private volatile AdminEndpointFile endpoint;

    KeysAdminController(ApiKeyStore keys, AuditLog audit, WebhookSecretStore webhookSecrets, ChartScribeProperties properties) {
        this.keys = keys;
        this.audit = audit;
        this.webhookSecrets = webhookSecrets;
        this.properties = properties;
    }

    /** The application port, not the management port (which has its own namespace). */
    @EventListener
    void publish(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            endpoint = AdminEndpointFile.publish(properties.dataDir(), event.getWebServer().getPort());
        }
    }

    @EventListener(ContextClosedEvent.class)
    void withdraw() {
        if (endpoint != null) {
            AdminEndpointFile.withdraw(properties.dataDir());
        }
    }

    @GetMapping("/admin/keys")
    ResponseEntity<?> list(HttpServletRequest request, @RequestHeader(name = AdminEndpointFile.HEADER, required = false) String secret) {
        return allowed(request, secret) ? ResponseEntity.ok(keys.list()) : notFound();
    }

    @PostMapping("/admin/keys/{tenant}")
    ResponseEntity<?> create(HttpServletRequest request, @RequestHeader(name = AdminEndpointFile.HEADER, required = false) String secret,
                             @PathVariable String tenant) {
        if (!allowed(request, secret)) {
            return notFound();
        }
        if (!TenantIds.isValid(tenant)) {
            return Problems.response(ProblemCode.VALIDATION_ERROR, "Not a valid tenant id.", List.of());
        }
        ApiKeyStore.Created created = keys.create(tenant);
        audit.record(tenant, "api_key.created", null, null);
        return ResponseEntity.ok(Map.of("info", created.info(), "key", created.plaintextKey()));
    }

    @PostMapping("/admin/webhook-secrets/{tenant}")
    ResponseEntity<?> rotateWebhookSecret(HttpServletRequest request,
                                          @RequestHeader(name = AdminEndpointFile.HEADER, required = false) String secret,
                                          @PathVariable String tenant) {
        if (!allowed(request, secret)) {
            return notFound();
        }
        if (!TenantIds.isValid(tenant)) {
            return Problems.response(ProblemCode.VALIDATION_ERROR, "Not a valid tenant id.", List.of());
        }
        String created = webhookSecrets.rotate(tenant);
        audit.record(tenant, "webhook_secret.rotated", null, null);
        return ResponseEntity.ok(Map.of("secret", created));
    }

    @DeleteMapping("/admin/keys/{keyId}")
    ResponseEntity<?> revoke(HttpServletRequest request, @RequestHeader(name = AdminEndpointFile.HEADER, required = false) String secret,
                             @PathVariable String keyId) {
        if (!allowed(request, secret)) {
            return notFound();
        }
        Optional<String> tenant = keys.list().stream().filter(k -> k.keyId().equals(keyId))
                .map(ApiKeyStore.KeyInfo::tenantId).findFirst();
        if (!keys.revoke(keyId)) {
            return Problems.response(ProblemCode.NOT_FOUND, "No active key with that id.", List.of());
        }
        tenant.ifPresent(t -> audit.record(t, "api_key.revoked", null, null));
        return ResponseEntity.noContent().build();
    }

    private boolean allowed(HttpServletRequest request, String secret) {
        AdminEndpointFile published = endpoint;
        return published != null && loopback(request.getRemoteAddr()) && published.accepts(secret);
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress(); // a literal address: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static ResponseEntity<Problems.Problem> notFound() {
        return Problems.response(ProblemCode.NOT_FOUND, "No such resource.", List.of());
    }
}
