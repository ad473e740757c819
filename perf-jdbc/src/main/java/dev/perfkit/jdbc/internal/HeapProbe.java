package dev.perfkit.jdbc.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measures the live heap: a full garbage collection ({@link System#gc()}), then the heap in use.
 * The peak of the samples taken during an operation, less the baseline taken before it, is the
 * heap the operation kept alive at its worst sampled moment.
 *
 * <p>Costly by design (a full collection per sample): for a handful of samples in a suite that
 * measures memory, never on a hot path. Meaningless when explicit collections are disabled
 * ({@code -XX:+DisableExplicitGC}). Used by one thread.
 */
public final class HeapProbe {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private long baseline = -1;
    private long peak = -1;
    private int samples;

    /** Takes the baseline (two collections, so that garbage promoted by the first is gone too). */
    public void baseline() {
        live();
        baseline = live();
        peak = baseline;
    }

    /** Takes a sample. */
    public void sample() {
        peak = Math.max(peak, live());
        samples++;
    }

    /** Returns the baseline in bytes. */
    public long baselineBytes() {
        return baseline;
    }

    /** Returns the largest live heap sampled, in bytes. */
    public long peakBytes() {
        return peak;
    }

    /** Returns the peak less the baseline, in bytes, never below 0. */
    public long neededBytes() {
        return Math.max(0, peak - baseline);
    }

    /** Returns the samples taken, the baseline not counted. */
    public int samples() {
        return samples;
    }

    private long live() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
