package dev.perfkit.core;

/**
 * The process exit code that tells a CI job how a load test went, from what the run produced:
 * its {@link RunResult}, its {@link Verdict} against thresholds and its {@link Comparison} with a
 * baseline. The library only computes the code; the runner (a {@code main}) passes
 * {@link #code()} to {@code System.exit}.
 *
 * <pre>{@code
 * ExitCode exit = ExitCode.of(result, verdict, comparison);   // verdict, comparison may be null
 * System.exit(exit.code());
 * }</pre>
 *
 * <p>When several apply, the most serious wins, in this order: {@link #RUN_ERROR} &gt;
 * {@link #THRESHOLD_CRITICAL} &gt; {@link #REGRESSION} &gt; {@link #PASS}; the codes grow with
 * seriousness. Codes 1 and 2 are left out on purpose: the JVM exits with 1 when {@code main} throws,
 * so a runner that crashed is never mistaken for a verdict, and 2 is a command line's usage error
 * (the convention of picocli and of most Unix tools, which perfkit's runner follows).
 */
public enum ExitCode {
    /** 0: the run completed, no threshold is critical, no regression against the baseline. */
    PASS(0),
    /** 3: the current run is a {@link ChangeDecision#REGRESSION} against the baseline ({@link Comparison#hasRegression()}). */
    REGRESSION(3),
    /** 4: a threshold rule reached {@link Outcome#CRITICAL} (the verdict did not pass), or one aborted the run. */
    THRESHOLD_CRITICAL(4),
    /**
     * 5: the run itself went wrong: it {@link RunStatus#FAILED} (an {@link Error} ended it) or it
     * measured nothing at all, so neither thresholds nor a baseline can vouch for it.
     */
    RUN_ERROR(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** Returns the process exit code: 0, 3, 4 or 5. */
    public int code() {
        return code;
    }

    /**
     * Picks the exit code of a run: {@link #RUN_ERROR} if the run failed or measured no sample,
     * else {@link #THRESHOLD_CRITICAL} if the verdict has a critical rule or the run was
     * {@link RunStatus#ABORTED} by one (its verdict may not have been evaluated), else {@link #REGRESSION}
     * if the comparison found one, else {@link #PASS}.
     *
     * @param result     the run's result
     * @param verdict    its verdict against thresholds, or null when no thresholds were set
     * @param comparison its comparison with a baseline, or null when there is no baseline
     * @return the exit code
     * @throws NullPointerException if {@code result} is null
     */
    public static ExitCode of(RunResult result, Verdict verdict, Comparison comparison) {
        Checks.notNull("exitCode", "result", result);
        if (result.status() == RunStatus.FAILED || result.total().count() == 0) {
            return RUN_ERROR;
        }
        if (result.status() == RunStatus.ABORTED || verdict != null && verdict.outcome() == Outcome.CRITICAL) {
            return THRESHOLD_CRITICAL;
        }
        if (comparison != null && comparison.hasRegression()) {
            return REGRESSION;
        }
        return PASS;
    }
}
