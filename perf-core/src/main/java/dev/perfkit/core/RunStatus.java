package dev.perfkit.core;

/** How a run ended. */
public enum RunStatus {
    /** The load profile, an iteration limit or the end of a feeder's data ended the run. */
    COMPLETED,
    /** {@link RunHandle#stop()} ended the run early. */
    STOPPED,
    /** {@link Scenario#maxDuration} ended the run: a hard stop. */
    MAX_DURATION,
    /** An {@link Error} thrown by a task, a hook or the engine ended the run; what was measured is kept. */
    FAILED
}
