package org.chartscribe.store;

import java.io.PrintStream;
import java.util.List;
import org.chartscribe.config.ChartScribeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * At start-up: registers {@code CHARTSCRIBE_BOOTSTRAP_API_KEYS}, and in local mode creates (and
 * shows once) a development key for tenant {@code local} when no active key exists. It runs once all
 * beans exist but before the web server opens, so a bad entry stops the start before any request
 * is served. Not in CLI mode.
 */
@Component
@ConditionalOnProperty(prefix = "chartscribe", name = "cli", havingValue = "false", matchIfMissing = true)
class ApiKeyBootstrap implements SmartInitializingSingleton {

    static final String LOCAL_TENANT = "local";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyBootstrap.class);

    private final ApiKeyStore keys;
    private final AuditLog audit;
    private final ChartScribeProperties properties;
    private final PrintStream console;

    @Autowired
    ApiKeyBootstrap(ApiKeyStore keys, AuditLog audit, ChartScribeProperties properties) {
        this(keys, audit, properties, System.out);
    }

    ApiKeyBootstrap(ApiKeyStore keys, AuditLog audit, ChartScribeProperties properties, PrintStream console) {
        this.keys = keys;
        this.audit = audit;
        this.properties = properties;
        this.console = console;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<BootstrapApiKeys.Entry> entries = BootstrapApiKeys.parse(properties.bootstrapApiKeys());
        for (BootstrapApiKeys.Entry entry : entries) {
            try {
                keys.register(entry.tenantId(), entry.key());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        BootstrapApiKeys.ENV_NAME + " entry " + entry.position() + ": " + e.getMessage(), e);
            }
        }
        if (!entries.isEmpty()) {
            log.info("Bootstrap API keys registered: {}", entries.size());
        }
        if (properties.localMode() && keys.isEmpty()) {
            ApiKeyStore.Created created = keys.create(LOCAL_TENANT);
            audit.record(LOCAL_TENANT, "api_key.created", null, null);
            LocalKeyConsole.announce(created, console);
            log.info("Created the local development API key {} (printed to stdout once)", created.info().keyId());
        }
    }
}
