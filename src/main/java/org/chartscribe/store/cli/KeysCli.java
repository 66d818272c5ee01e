package org.chartscribe.store.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.chartscribe.ChartScribeApplication;
import org.chartscribe.jobs.WebhookSecretStore;
import org.chartscribe.store.ApiKeyStore;
import org.chartscribe.store.AuditLog;
import org.chartscribe.store.TenantIds;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar chartscribe.jar keys create <tenant> | list | revoke <keyId>}: API key
 * administration. While a server runs on the same data directory the command goes to that server's
 * loopback admin endpoint ({@link AdminEndpointFile}), since the embedded H2 file cannot be opened
 * twice; otherwise the CLI opens the configured database itself, in a quiet non-web context with
 * {@code chartscribe.cli=true} (no start-up key printing, no scheduled jobs). Keys are printed only
 * by {@code create}, once; hashes never.
 */
public final class KeysCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: java -jar chartscribe.jar keys create <tenant>   create a key (printed once)
                   java -jar chartscribe.jar keys list              list keys (id, tenant, prefix, created, revoked)
                   java -jar chartscribe.jar keys revoke <keyId>    revoke a key
                   java -jar chartscribe.jar keys webhook-secret <tenant>
                                                                    create or rotate the tenant's webhook signing
                                                                    secret (printed once; the old one stops at once)""";

    private KeysCli() {}

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    /**
     * @param extraProperties {@code name=value} settings with command-line precedence (tests point
     *                        {@code chartscribe.data-dir} at a temporary directory)
     */
    public static int run(String[] args, PrintStream out, PrintStream err, String... extraProperties) {
        Optional<Command> command = Command.parse(args);
        if (command.isEmpty()) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        Optional<RemoteKeyAdmin> server = AdminEndpointFile.read(dataDir(extraProperties)).map(RemoteKeyAdmin::new)
                .filter(RemoteKeyAdmin::reachable);
        if (server.isPresent()) {
            try {
                return command.get().execute(server.get(), out, err);
            } catch (RuntimeException e) {
                err.println("keys: " + rootMessage(e));
                return FAILED;
            }
        }
        try (ConfigurableApplicationContext context = start(extraProperties)) {
            return command.get().execute(new KeyAdmin.Direct(context.getBean(ApiKeyStore.class),
                    context.getBean(AuditLog.class), context.getBean(WebhookSecretStore.class)), out, err);
        } catch (RuntimeException e) {
            err.println("keys: cannot open the ChartScribe database or keys: " + rootMessage(e));
            return FAILED;
        }
    }

    /** The data directory as the server resolves it: the given setting, CHARTSCRIBE_DATA_DIR, or ./data. */
    static Path dataDir(String... extraProperties) {
        for (String property : extraProperties) {
            if (property.startsWith("chartscribe.data-dir=")) {
                return Path.of(property.substring("chartscribe.data-dir=".length()));
            }
        }
        String configured = System.getProperty("chartscribe.data-dir", System.getenv("CHARTSCRIBE_DATA_DIR"));
        return Path.of(configured == null || configured.isBlank() ? "./data" : configured);
    }

    private static ConfigurableApplicationContext start(String... extraProperties) {
        List<String> settings = new ArrayList<>(List.of(
                "--chartscribe.cli=true", "--db-scheduler.enabled=false",
                // key commands delete no note content, so there is nothing for the server's compaction to drop
                "--chartscribe.compact-on-shutdown=false",
                "--spring.main.banner-mode=off",
                "--spring.main.log-startup-info=false",
                "--logging.level.root=WARN"));
        Arrays.stream(extraProperties).map(p -> "--" + p).forEach(settings::add);
        return new SpringApplicationBuilder(ChartScribeApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(settings.toArray(String[]::new));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private sealed interface Command {

        int execute(KeyAdmin keys, PrintStream out, PrintStream err);

        static Optional<Command> parse(String[] args) {
            if (args.length < 2 || !"keys".equals(args[0])) {
                return Optional.empty();
            }
            return switch (args[1]) {
                case "create" -> args.length == 3 && TenantIds.isValid(args[2])
                        ? Optional.of(new Create(args[2])) : Optional.empty();
                case "list" -> args.length == 2 ? Optional.of(new ListKeys()) : Optional.empty();
                case "revoke" -> args.length == 3 ? Optional.of(new Revoke(args[2])) : Optional.empty();
                case "webhook-secret" -> args.length == 3 && TenantIds.isValid(args[2])
                        ? Optional.of(new WebhookSecret(args[2])) : Optional.empty();
                default -> Optional.empty();
            };
        }
    }

    private record WebhookSecret(String tenantId) implements Command {
        @Override
        public int execute(KeyAdmin keys, PrintStream out, PrintStream err) {
            String secret = keys.rotateWebhookSecret(tenantId);
            out.println("Webhook signing secret for tenant " + tenantId + " set; webhooks are signed with it from now on.");
            out.println("It is stored encrypted and not shown again: copy it now.");
            out.println(secret);
            return OK;
        }
    }

    private record Create(String tenantId) implements Command {
        @Override
        public int execute(KeyAdmin keys, PrintStream out, PrintStream err) {
            ApiKeyStore.Created created = keys.create(tenantId);
            out.println("Created API key " + created.info().keyId() + " for tenant " + tenantId
                    + " (prefix " + created.info().prefix() + ").");
            out.println("It is stored only as a hash: copy it now, it will not be shown again.");
            out.println(created.plaintextKey());
            return OK;
        }
    }

    private record ListKeys() implements Command {
        @Override
        public int execute(KeyAdmin keys, PrintStream out, PrintStream err) {
            String format = "%-32s %-20s %-10s %-27s %s%n";
            out.printf(format, "KEY ID", "TENANT", "PREFIX", "CREATED", "REVOKED");
            for (ApiKeyStore.KeyInfo key : keys.list()) {
                out.printf(format, key.keyId(), key.tenantId(), key.prefix(), key.createdAt(), orDash(key.revokedAt()));
            }
            return OK;
        }

        private static String orDash(Instant instant) {
            return instant == null ? "-" : instant.toString();
        }
    }

    private record Revoke(String keyId) implements Command {
        @Override
        public int execute(KeyAdmin keys, PrintStream out, PrintStream err) {
            if (!keys.revoke(keyId)) {
                err.println("No active key with id " + keyId + ".");
                return FAILED;
            }
            out.println("Revoked " + keyId + ".");
            return OK;
        }
    }
}
