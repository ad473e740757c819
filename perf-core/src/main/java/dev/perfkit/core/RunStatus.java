package dev.perfkit.core;

/** How a run ended. */
public enum RunStatus {
    /** The load profile, an iteration limit or the end of a feeder's data ended the run. */
    COMPLETED,
    /** {@link RunHandle#stop()} ended the run early. */
    STOPPED,
    /** {@link Scenario#maxDuration} ended the run: a hard stop. */
    MAX_DURATION,
    /**
     * A critical {@link Rule#abortOnFail()} threshold rule of {@link RunOptions.Builder#abortOn}
     * was breached; the stop reason names the rule and the value. What was measured is kept.
     */
    ABORTED,
    /** An {@link Error} thrown by a task, a hook or the engine ended the run; what was measured is kept. */
    FAILED
}
