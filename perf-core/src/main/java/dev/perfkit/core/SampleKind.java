package dev.perfkit.core;

/** Where a sample comes from, which decides whether it counts in the run's totals. */
public enum SampleKind {
    /** An invocation of a {@link Task}, timed by the engine. */
    TASK,
    /** A request recorded by an adapter through {@link Session#recordSuccess}/{@link Session#recordFailure}. */
    REQUEST,
    /** A start or stop {@link Hook}; never part of the totals. */
    HOOK,
    /**
     * A part of a request's time recorded by an adapter through {@link Session#recordTiming}, such
     * as the connect or time-to-first-byte phase of an HTTP request; never part of the totals.
     */
    TIMING
}
