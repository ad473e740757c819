package dev.perfkit.benchmarks.load;

import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunHandle;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Scenario;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** What the load benchmarks read from the JVM: CPU time, heap, GC counters, and how to print them. */
final class Jvm {

    private Jvm() {
    }

    /** Returns the CPU time of the whole process (every thread, JIT and GC included), in nanoseconds. */
    static long processCpuNanos() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime();
    }

    /** Returns the CPU time of one live thread in nanoseconds, or -1 once it has ended. */
    static long threadCpuNanos(Thread thread) {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.threadId());
    }

    /** Returns the heap in use now, garbage included. */
    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Runs a full collection (twice, so that finalizable and weakly reachable leftovers go too) and returns the live heap. */
    static long heapUsedAfterGc() {
        System.gc();
        System.gc();
        return heapUsed();
    }

    /** Clears the peak usage of every heap pool. */
    static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Returns the sum of the heap pools' peaks since the last reset: an upper bound of the peak heap in use. */
    static long sumOfHeapPoolPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Returns the collections so far and their total time, as {count, millis}. */
    static long[] gcCountAndMillis() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    /** Finds a live platform thread by name, waiting up to {@code timeoutMillis} for it to appear. */
    static Thread findThread(String name, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals(name)) {
                    return t;
                }
            }
            Thread.sleep(1);
        }
        return null;
    }

    /** Returns the bytes allocated so far by one live thread, or -1 once it has ended or if unsupported. */
    static long threadAllocatedBytes(Thread thread) {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t) {
            return t.getThreadAllocatedBytes(thread.threadId());
        }
        return -1;
    }

    /**
     * Prints where the CPU went, per thread group, divided by {@code per} (arrivals or iterations):
     * CPU microseconds and voluntary context switches (blocking waits) of each group, then what no
     * live thread accounts for (threads that ended unwatched) against the process CPU.
     *
     * @param threads    the per-thread readings, stopped
     * @param processCpu the process CPU time over the same span, in nanoseconds
     * @param per        the divisor (arrivals, iterations)
     * @param unit       what {@code per} counts, for the labels
     */
    static void printCpuBreakdown(ThreadCpu threads, long processCpu, long per, String unit) {
        long sum = 0;
        for (var e : threads.deltas().entrySet()) {
            long[] v = e.getValue();
            sum += v[0];
            if (v[0] == 0 && v[1] == 0) {
                continue;
            }
            line("  CPU/" + unit + " " + e.getKey(), String.format(Locale.ROOT, "%7.2f µs; %.3f blocking waits/%s (%d threads)",
                    v[0] / 1000.0 / per, (double) v[1] / per, unit, v[2]));
        }
        line("  CPU/" + unit + " not attributed", String.format(Locale.ROOT, "%7.2f µs (process CPU %.2f µs, threads %.2f µs;"
                + " the rest: threads that ended unwatched, and the readings)",
                (processCpu - sum) / 1000.0 / per, processCpu / 1000.0 / per, sum / 1000.0 / per));
    }

    /**
     * Runs a scenario to its end, but no longer than {@code limit}: a run that has not ended by then
     * is frozen (a load benchmark must not spin on a shared machine for ever). Then the stacks of
     * the run's platform threads are printed, a stop is requested, and the JVM exits with status 3
     * if the run does not end within 10 s more.
     *
     * @param scenario the scenario
     * @param limit    how long the run may take, profile and graceful stop included
     * @return the run's result
     * @throws InterruptedException if interrupted while waiting
     */
    static RunResult runWithin(Scenario scenario, Duration limit) throws InterruptedException {
        RunHandle handle = LoadTest.start(scenario);
        Optional<RunResult> result = handle.await(limit);
        if (result.isPresent()) {
            return result.get();
        }
        frozen(handle, scenario.name(), limit);
        return handle.await();
    }

    /**
     * Reports a run that did not end within {@code limit}: prints the stacks of the engine's platform
     * threads (coordinator, pacer), requests a stop and exits with status 3 if it does not end within
     * 10 s more.
     */
    static void frozen(RunHandle handle, String name, Duration limit) throws InterruptedException {
        line("FROZEN", "run '" + name + "' had not ended after " + limit.toSeconds() + " s; "
                + handle.snapshot().iterations() + " iterations started so far");
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().startsWith("perfkit-")) {
                System.out.println("\"" + t.getName() + "\" " + t.getState());
                for (StackTraceElement e : stack) {
                    System.out.println("\tat " + e);
                }
            }
        });
        System.out.flush();
        handle.stop();
        if (handle.await(Duration.ofSeconds(10)).isEmpty()) {
            line("FROZEN", "the run did not end 10 s after a stop request either; exiting");
            System.exit(3);
        }
    }

    /** Prints the machine and JVM the figures come from. */
    static void printMachine() {
        Runtime rt = Runtime.getRuntime();
        line("machine.cores", rt.availableProcessors());
        line("machine.os", System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch"));
        line("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        line("jvm.maxHeap", mib(rt.maxMemory()));
        line("jvm.gc", String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList()));
    }

    /** Prints one {@code key = value} line. */
    static void line(String key, Object value) {
        System.out.printf(Locale.ROOT, "%-34s %s%n", key, value);
    }

    /** Prints a target and whether it was met. */
    static void verdict(String target, boolean met) {
        line("target", target + ": " + (met ? "MET" : "NOT MET"));
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    static String fmt(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
