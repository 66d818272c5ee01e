package org.chartscribe;

/**
 * How long one {@code @FuzzTest} may fuzz when run with {@code JAZZER_FUZZ=1} (regression runs ignore it).
 * Jazzer 0.24 reads the limit only from the annotation, so it is a constant: the build machine is shared,
 * three minutes per target is what it can spare. For a longer campaign raise it here (or bound a run by
 * count with {@code -Djazzer.internal.arg.1=-runs=N}); see docs/RELIABILITY.md, "Fuzzing".
 */
public final class FuzzBudget {
    public static final String PER_TARGET = "3m";
    /** A single input taking longer than this is a hang (Jazzer's -timeout, and JUnit's in regression runs). */
    public static final long SECONDS_PER_INPUT = 10;

    private FuzzBudget() {}
}
