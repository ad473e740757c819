package dev.perfkit.benchmarks.load;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

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
