package dev.perfkit.benchmarks.load;

import static dev.perfkit.benchmarks.load.Jvm.fmt;
import static dev.perfkit.benchmarks.load.Jvm.line;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.LockSupport;

/**
 * A diagnostic for the pacer's CPU cost, with JDK primitives only (no perfkit code): what a pacer
 * thread spends per arrival at 5,000 arrivals/s (one every 200 µs) in three designs.
 *
 * <ol>
 *   <li>{@code park-per-arrival}: one timed {@link LockSupport#parkNanos(long)} up to each due time,
 *       nothing started. The cost of the wait alone.</li>
 *   <li>{@code park+vthread-per-arrival}: the same, and a no-op virtual thread started per arrival,
 *       which is what the engine's pacer does.</li>
 *   <li>{@code wake-per-ms+vthread}: wake once per millisecond and start every arrival due by then
 *       (5 per wake). Each arrival keeps its own due time, so the response time of a late start would
 *       still count from it; only the start is up to 1 ms later.</li>
 * </ol>
 *
 * Each design runs 50,000 arrivals (10 s) after a 2 s warm-up of the same design; the pacer's own
 * CPU (ThreadMXBean) and the process CPU are divided by the arrivals.
 */
final class ParkCost {

    static final long GAP_NANOS = 200_000;
    static final long WAKE_NANOS = 1_000_000;
    static final int ARRIVALS = 50_000;
    static final int WARMUP_ARRIVALS = 10_000;

    private ParkCost() {
    }

    static void run() {
        Jvm.printMachine();
        line("benchmark", "park: pacer designs at 5,000 arrivals/s, JDK primitives only");
        measure("park-per-arrival", false, false);
        measure("park+vthread-per-arrival", true, false);
        measure("wake-per-ms+vthread", true, true);
    }

    private static void measure(String name, boolean startThreads, boolean batched) {
        pace(WARMUP_ARRIVALS, startThreads, batched);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = Jvm.processCpuNanos();
        long own0 = threads.getCurrentThreadCpuTime();
        long parks = pace(ARRIVALS, startThreads, batched);
        long own = threads.getCurrentThreadCpuTime() - own0;
        long cpu = Jvm.processCpuNanos() - cpu0;
        line(name, "pacer " + fmt(own / 1000.0 / ARRIVALS) + " µs, process " + fmt(cpu / 1000.0 / ARRIVALS)
                + " µs CPU per arrival; " + fmt((double) parks / ARRIVALS) + " parks per arrival");
    }

    /** Starts {@code n} arrivals 200 µs apart; returns the number of parks. */
    private static long pace(int n, boolean startThreads, boolean batched) {
        long t0 = System.nanoTime();
        long parks = 0;
        long wake = t0;
        for (int k = 0; k < n; k++) {
            long due = t0 + k * GAP_NANOS;
            if (batched) {
                while (due - System.nanoTime() > 0) {
                    wake += WAKE_NANOS;
                    parks += parkUntil(wake);
                }
            } else {
                parks += parkUntil(due);
            }
            if (startThreads) {
                Thread.ofVirtual().start(ParkCost::noop);
            }
        }
        return parks;
    }

    private static long parkUntil(long deadline) {
        long parks = 0;
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
            parks++;
        }
        return parks;
    }

    private static void noop() {
    }
}
