package org.chartscribe.store.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the data key vault costs: create + destroy pairs per second (each one flush to the device) at
 * 1, 8 and 32 threads, on the file system of the given directory. Not a test; run it with
 * {@code java -cp target/classes:target/test-classes org.chartscribe.store.crypto.FileKeyVaultBench [dir]}
 * (see docs/RELIABILITY.md).
 */
public final class FileKeyVaultBench {

    private FileKeyVaultBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory(Path.of(args.length > 0 ? args[0] : "target"), "vault-bench");
        ContentCipher master = new ContentCipher(KeyRing.of(Map.of("bench", new byte[KeyRing.KEY_BYTES])));
        try (FileKeyVault vault = FileKeyVault.open(dir.resolve(FileKeyVault.FILE_NAME), master, Clock.systemUTC())) {
            for (int threads : new int[] {1, 8, 32}) {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                int pairs = 800;
                long started = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < pairs; i++) {
                    String owner = "notes/bench-" + i + "/t";
                    done.add(pool.submit(() -> vault.destroy(vault.create(owner).slot())));
                }
                for (Future<?> pair : done) {
                    pair.get();
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("threads=%d pairs_per_s=%.0f ms_per_pair_one_thread=%.2f%n",
                        threads, pairs / seconds, threads == 1 ? seconds * 1000 / pairs : Double.NaN);
                pool.shutdown();
            }
        }
    }
}
