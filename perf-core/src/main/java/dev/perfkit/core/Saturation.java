package dev.perfkit.core;

/**
 * What the open model does with an arrival that finds {@link Scenario#maxConcurrency(int)}
 * iterations already running.
 */
public enum Saturation {
    /**
     * Drop it and count it in {@link RunResult#dropped()}, as k6's arrival-rate executors do. The
     * rate stays honest, and the drop count shows that the generator or the target could not keep up.
     */
    DROP,
    /**
     * Queue it until an iteration ends, then start it late, as wrk2 does with its connections. Its
     * response time still runs from its scheduled start, so the queueing shows in the percentiles,
     * while its service time does not include it: the gap between the two is the coordinated
     * omission other tools hide. At most {@link #MAX_BACKLOG} arrivals wait; more are dropped, and
     * so are arrivals still waiting when the run stops.
     */
    QUEUE;

    /** The most arrivals waiting at once under {@link #QUEUE}. */
    public static final int MAX_BACKLOG = 1_000_000;
}
