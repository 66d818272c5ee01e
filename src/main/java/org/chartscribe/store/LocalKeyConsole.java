package org.chartscribe.store;

import java.io.PrintStream;

/**
 * The one place a server start shows a key: the development key created on the first local-mode
 * start. It goes to stdout, not to the log, so log shipping never carries it, and it is shown once
 * because the next start finds the key and creates none.
 */
final class LocalKeyConsole {

    private LocalKeyConsole() {}

    static void announce(ApiKeyStore.Created created, PrintStream out) {
        out.println();
        out.println("=================== ChartScribe: local development API key (shown once) ===================");
        out.println("  tenant : " + created.info().tenantId());
        out.println("  key id : " + created.info().keyId());
        out.println("  key    : " + created.plaintextKey());
        out.println("  Use it as 'Authorization: Bearer <key>'. It is stored only as a hash and will not be");
        out.println("  shown again; create more, also while the server runs, with");
        out.println("  'java -jar " + jarPath(System.getProperty("java.class.path", "")) + " keys create <tenant>'.");
        out.println("============================================================================================");
        out.println();
        out.flush();
    }

    /**
     * The jar this server runs from ({@code java -jar} puts just the jar on the class path), or, under
     * {@code ./mvnw spring-boot:run}, the jar {@code ./mvnw -B package} builds.
     */
    static String jarPath(String classPath) {
        boolean oneJar = classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator);
        return oneJar ? classPath : "target/chartscribe.jar";
    }
}
