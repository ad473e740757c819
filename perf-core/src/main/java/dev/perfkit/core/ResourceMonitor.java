package dev.perfkit.core;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Watches a resource beside the load (the running JVM, a process of the system under test, a
 * Prometheus target) and publishes what it sees as gauges in every interval of the run.
 *
 * <pre>{@code
 * RunOptions options = RunOptions.custom()
 *     .addMonitor(JvmMonitor.create())                          // jvm.cpu, jvm.memory, ...
 *     .addMonitor(ProcessMonitor.of(databasePid))               // sut.cpu, sut.memory, ...
 *     .build();
 * RunResult result = LoadTest.run(scenario, options);
 * double heap = result.intervals().get(3).gauges().get("jvm.memory");
 * }</pre>
 *
 * <p><b>Gauge names.</b> Every gauge is named {@code <label>.<what>}; {@code <label>.up} is 1 when
 * the last sample worked and 0 when it failed. The implementations here publish {@code .cpu} (share
 * 0..1 of all cores), {@code .memory} (bytes), {@code .threads} and more, each documented on its
 * class.
 *
 * <p><b>Failures.</b> A monitor that fails does not stop the run: {@code <label>.up} reads 0, its
 * other gauges read {@code NaN}, the first occurrence of each distinct error is logged at WARN
 * through SLF4J, and the latest is kept in {@link #lastError()}. When the resource comes back, so
 * do the values.
 *
 * <p><b>Lifecycle.</b> {@link RunOptions.Builder#addMonitor} hands the monitor to the runs that use
 * those options: the engine calls {@link #start} on the run's coordinator thread before the first
 * interval, reads the gauges at the end of every interval, and calls {@link #close()} after the
 * last interval, also when the run fails. A monitor serves one run at a time; it may be started
 * again after it is closed. It can also be used without a run: start it, read the gauges, close it.
 *
 * <p><b>Writing one.</b> The gauge suppliers are read on the coordinator thread: they must be quick,
 * must not block (a monitor that waits on the network samples on its own thread and returns its
 * latest values) and should not throw (a supplier that throws is logged at every interval and
 * recorded as {@code NaN}).
 */
public interface ResourceMonitor extends AutoCloseable {

    /**
     * Returns the label that starts the name of each gauge, such as {@code jvm} or {@code sut}.
     *
     * @return the label, non-blank
     */
    String label();

    /**
     * Returns the gauges this monitor publishes, by name ({@code <label>.<what>}), in a fixed order.
     * The same map is returned on every call.
     *
     * @return the gauges, unmodifiable
     */
    Map<String, DoubleSupplier> gauges();

    /**
     * Starts watching: takes a first reading to measure from, or starts a sampling thread.
     *
     * @param interval the interval of the run's time series, which a sampling thread follows
     * @throws IllegalStateException if the monitor is already started and not closed
     */
    void start(Duration interval);

    /**
     * Stops watching and releases threads and connections. The gauges keep their last values.
     * Calling it on a monitor that is not started does nothing. Never throws.
     */
    @Override
    void close();

    /**
     * Returns the latest error of this monitor, if it had one: what failed, in one line, without
     * secrets (no credentials, no header values).
     *
     * @return the latest error, or empty if the monitor never failed
     */
    Optional<String> lastError();
}
