package dev.perfkit.core;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A run in progress, returned by {@link LoadTest#start(Scenario)}.
 *
 * <p>Thread-safe: any thread may watch, stop or await the run.
 */
public interface RunHandle {

    /** Returns a live view of the run; cheap enough to call every second. */
    RunSnapshot snapshot();

    /**
     * Stops the run gracefully: no new iteration starts, in-flight iterations get the scenario's
     * graceful-stop deadline to finish, then they are interrupted. Returns at once; idempotent.
     * The result's status is {@link RunStatus#STOPPED}.
     */
    void stop();

    /**
     * Waits for the run to end.
     *
     * @return the result
     * @throws InterruptedException if the waiting thread is interrupted (the run goes on)
     */
    RunResult await() throws InterruptedException;

    /**
     * Waits at most {@code timeout} for the run to end.
     *
     * @param timeout the longest wait
     * @return the result, or empty if the run is still going
     * @throws InterruptedException if the waiting thread is interrupted (the run goes on)
     */
    Optional<RunResult> await(Duration timeout) throws InterruptedException;

    /** Returns a future completed with the result when the run ends. */
    CompletableFuture<RunResult> completion();
}
