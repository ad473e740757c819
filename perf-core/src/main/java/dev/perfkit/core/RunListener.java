package dev.perfkit.core;

/**
 * Receives a run's progress: its start, each interval's statistics, and its result.
 *
 * <p><b>Contract.</b> Every method is called on the run's coordinator thread (named
 * {@code perfkit-run-<scenario>}), in order, never concurrently for one run. Methods must return quickly and must not block: a slow listener delays
 * the next interval. An exception thrown by a listener is logged and ignored; it affects neither the
 * run nor the other listeners. All methods do nothing by default.
 */
public interface RunListener {

    /**
     * Called once before the first user starts.
     *
     * @param scenario the scenario being run
     * @param seed     the seed of the run's random choices
     */
    default void onStart(Scenario scenario, long seed) {
    }

    /**
     * Called at the end of every interval, and once for the last, possibly shorter, interval.
     *
     * @param interval the interval's statistics
     */
    default void onInterval(IntervalStats interval) {
    }

    /**
     * Called once with the final result, also when the run failed.
     *
     * @param result the result
     */
    default void onEnd(RunResult result) {
    }
}
