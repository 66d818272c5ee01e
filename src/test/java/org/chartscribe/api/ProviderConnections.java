package org.chartscribe.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Counts this machine's established TCP connections to a local port, from the kernel's socket tables
 * (Linux {@code /proc/net/tcp} and {@code tcp6}). WireMock does not report a client hanging up, but the
 * kernel does: once the app closes its connection to the replayed provider, the app's end of it is no
 * longer ESTABLISHED.
 */
final class ProviderConnections {
    private static final String ESTABLISHED = "01";

    private ProviderConnections() {}

    static boolean readable() {
        return Files.isReadable(Path.of("/proc/net/tcp"));
    }

    /** Connections whose remote end is {@code port} on this machine, i.e. clients connected to that server. */
    static int establishedTo(int port) {
        String hexPort = String.format("%04X", port);
        int count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(table));
            } catch (IOException e) {
                continue; // no IPv6 table
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.trim().split("\\s+");
                // sl local_address rem_address st ...; addresses are HEXIP:HEXPORT
                if (f.length > 3 && f[2].endsWith(":" + hexPort) && f[3].equals(ESTABLISHED)) {
                    count++;
                }
            }
        }
        return count;
    }
}
