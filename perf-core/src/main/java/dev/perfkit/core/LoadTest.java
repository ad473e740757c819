package dev.perfkit.core;

import dev.perfkit.core.internal.Run;

/**
 * Runs scenarios: the entry point of the SDK.
 *
 * <pre>{@code
 * RunResult result = LoadTest.run(scenario);                       // blocking
 * RunHandle handle = LoadTest.start(scenario, RunOptions.custom()  // asynchronous
 *     .addListener(ConsoleListener.create()).build());
 * RunSnapshot now = handle.snapshot();
 * handle.stop();
 * RunResult result = handle.await();
 * }</pre>
 *
 * <p>Runs are independent: two runs in one JVM share no state, and the SDK never calls
 * {@code System.exit} or configures logging. A run never throws for what its tasks do: task failures
 * are data in the result, and a task's {@link Error} ends the run with status
 * {@link RunStatus#FAILED} and the measurements kept.
 */
public final class LoadTest {

    private LoadTest() {
    }

    /**
     * Runs a scenario with the default options and waits for it to end.
     *
     * @param scenario the scenario
     * @return the result
     * @throws IllegalArgumentException if the scenario is incomplete ({@link Scenario#validate()})
     * @throws InterruptedException     if the calling thread is interrupted while waiting; the run is stopped
     */
    public static RunResult run(Scenario scenario) throws InterruptedException {
        return run(scenario, RunOptions.defaults());
    }

    /**
     * Runs a scenario and waits for it to end.
     *
     * @param scenario the scenario
     * @param options  the run options
     * @return the result
     * @throws IllegalArgumentException if the scenario is incomplete ({@link Scenario#validate()})
     * @throws InterruptedException     if the calling thread is interrupted while waiting; the run is stopped
     */
    public static RunResult run(Scenario scenario, RunOptions options) throws InterruptedException {
        RunHandle handle = start(scenario, options);
        try {
            return handle.await();
        } catch (InterruptedException e) {
            handle.stop();
            throw e;
        }
    }

    /**
     * Starts a scenario with the default options and returns at once.
     *
     * @param scenario the scenario
     * @return the handle of the running test
     * @throws IllegalArgumentException if the scenario is incomplete ({@link Scenario#validate()})
     */
    public static RunHandle start(Scenario scenario) {
        return start(scenario, RunOptions.defaults());
    }

    /**
     * Starts a scenario and returns at once.
     *
     * @param scenario the scenario
     * @param options  the run options
     * @return the handle of the running test
     * @throws IllegalArgumentException if the scenario is incomplete ({@link Scenario#validate()})
     */
    public static RunHandle start(Scenario scenario, RunOptions options) {
        Checks.notNull("loadTest", "scenario", scenario);
        Checks.notNull("loadTest", "options", options);
        return new Run(scenario, options).start();
    }
}
