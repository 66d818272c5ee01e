package org.chartscribe;

/**
 * How long one {@code @FuzzTest} may fuzz when run with {@code JAZZER_FUZZ=1} (regression runs ignore it),
 * and how long one input may take. Jazzer 0.24 reads the campaign's limit only from the annotation, so it
 * is a constant: the build machine is shared, three minutes per target is what it can spare. For a longer
 * campaign raise it here; see docs/RELIABILITY.md, "Fuzzing".
 */
public final class FuzzBudget {
    public static final String PER_TARGET = "3m";
    /** The code-set loaders: small parsers, and the last runs before a deadline. */
    public static final String PER_SMALL_TARGET = "90s";
    /** One input taking longer than this is a hang. */
    public static final long SECONDS_PER_INPUT = 10;

    /** The work for one input. */
    @FunctionalInterface
    public interface Input {
        void run() throws Exception;
    }

    private FuzzBudget() {}

    /**
     * Runs one input and fails it when it took too long. Not JUnit's {@code @Timeout}: under
     * {@code JAZZER_FUZZ} that would time the whole campaign, which is a single invocation.
     */
    public static void inTime(Input input) throws Exception {
        long started = System.nanoTime();
        input.run();
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (millis > SECONDS_PER_INPUT * 1000) {
            throw new AssertionError("one input took " + millis + " ms; over " + SECONDS_PER_INPUT + " s counts as a hang");
        }
    }
}
