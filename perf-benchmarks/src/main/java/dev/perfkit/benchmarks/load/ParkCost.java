package dev.perfkit.benchmarks.load;

import static dev.perfkit.benchmarks.load.Jvm.fmt;
import static dev.perfkit.benchmarks.load.Jvm.line;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * A diagnostic for the pacer's CPU cost, with JDK primitives only (no perfkit code): what pacing
 * 5,000 arrivals/s (one every 200 µs) costs per arrival in four designs, and on which threads.
 *
 * <ol>
 *   <li>{@code park-per-arrival}: one timed {@link LockSupport#parkNanos(long)} up to each due time,
 *       nothing started. The wait alone, as perfkit's pacer waited before the 1 ms quantum.</li>
 *   <li>{@code park-per-arrival+vthread}: the same, and a no-op virtual thread started per arrival.</li>
 *   <li>{@code quantum-park}: park until the next due time but at least 1 ms, then start every
 *       arrival due by then, nothing started. The wait alone, as perfkit's pacer waits now
 *       ({@code ArrivalPacer.waitUntil}, {@code QUANTUM_NANOS}).</li>
 *   <li>{@code quantum-park+vthread}: the same, and a no-op virtual thread started per arrival:
 *       perfkit's pacer without perfkit, as it was before arrivals went to pooled workers.</li>
 * </ol>
 *
 * Each design runs 50,000 arrivals (10 s) after 10,000 of warm-up of the same design. Printed per
 * arrival: the pacing thread's own CPU (ThreadMXBean) and the process CPU; the parks; on Linux, the
 * CPU and blocking waits of each thread group ({@link ThreadCpu}: "main" is the pacing thread here,
 * "carriers" run the virtual threads); and for the designs that start threads, the start delay
 * (each virtual thread's first {@code System.nanoTime()} minus its due time).
 */
final class ParkCost {

    static final long GAP_NANOS = 200_000;
    static final long QUANTUM_NANOS = 1_000_000;
    static final int ARRIVALS = 50_000;
    static final int WARMUP_ARRIVALS = 10_000;

    private ParkCost() {
    }

    static void run() throws InterruptedException {
        Jvm.printMachine();
        line("benchmark", "park: pacer designs at 5,000 arrivals/s, JDK primitives only");
        measure("park-per-arrival", false, false);
        measure("park-per-arrival+vthread", true, false);
        measure("quantum-park", false, true);
        measure("quantum-park+vthread", true, true);
    }

    private static void measure(String name, boolean startThreads, boolean quantum) throws InterruptedException {
        pace(WARMUP_ARRIVALS, startThreads, quantum, new long[WARMUP_ARRIVALS]);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ThreadCpu threads = new ThreadCpu();
        boolean perThread = ThreadCpu.available();
        long[] delays = new long[ARRIVALS];
        if (perThread) {
            threads.warmUp();
        }
        long cpu0 = Jvm.processCpuNanos();
        if (perThread) {
            threads.start();
        }
        long own0 = mx.getCurrentThreadCpuTime();
        long parks = pace(ARRIVALS, startThreads, quantum, delays);
        long own = mx.getCurrentThreadCpuTime() - own0;
        if (perThread) {
            threads.stop();
        }
        long cpu = Jvm.processCpuNanos() - cpu0;
        line(name, "pacer " + fmt(own / 1000.0 / ARRIVALS) + " µs, process " + fmt(cpu / 1000.0 / ARRIVALS)
                + " µs CPU per arrival; " + String.format("%.3f", (double) parks / ARRIVALS) + " parks per arrival");
        if (perThread) {
            Jvm.printCpuBreakdown(threads, cpu, ARRIVALS, "arrival");
        }
        if (startThreads) {
            Arrays.sort(delays);
            line("  start delay p50 / p99 / max", fmt(delays[ARRIVALS / 2] / 1000.0) + " / "
                    + fmt(delays[ARRIVALS * 99 / 100] / 1000.0) + " / " + fmt(delays[ARRIVALS - 1] / 1000.0) + " µs");
        }
    }

    /**
     * Starts {@code n} arrivals 200 µs apart; returns the number of parks. Each started thread writes
     * its start delay into {@code delays}; returns after every thread has run.
     */
    private static long pace(int n, boolean startThreads, boolean quantum, long[] delays) throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(startThreads ? n : 0);
        long t0 = System.nanoTime();
        long parks = 0;
        for (int k = 0; k < n; k++) {
            long due = t0 + k * GAP_NANOS;
            long remaining;
            while ((remaining = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(quantum ? Math.max(remaining, QUANTUM_NANOS) : remaining);
                parks++;
            }
            if (startThreads) {
                int index = k;
                Thread.ofVirtual().start(() -> {
                    delays[index] = System.nanoTime() - due;
                    ran.countDown();
                });
            }
        }
        ran.await();
        return parks;
    }
}
