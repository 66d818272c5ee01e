package org.chartscribe.coding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Load time and retained heap of the built-in ICD-10-CM release (a benchmark, not a test: run by
 * {@code bench/icd10cm-load.sh}, figures in docs/BENCHMARKS.md). The first load is the one a server
 * start pays (cold JVM); the median of the next ones shows the steady cost. The loading thread's CPU
 * time is printed too: on a shared machine it moves less with other load than wall-clock time.
 */
public final class Icd10LoadBenchmark {

    private Icd10LoadBenchmark() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long before = retained();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Icd10CodeSet kept = Icd10Release.readBuiltin();
        double cold = (System.nanoTime() - t0) / 1e6;
        double coldCpu = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
        long heap = retained() - before;
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            Icd10Release.readBuiltin();
            warm.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(warm);
        System.out.printf("%s: cold load %.0f ms (loading thread's CPU %.0f ms), warm median %.0f ms (%d rounds), retained heap %.1f MB, index rows %d%n",
                kept.label(), cold, coldCpu, warm.get(warm.size() / 2), rounds, heap / 1048576.0, kept.index().size());
    }

    private static long retained() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
