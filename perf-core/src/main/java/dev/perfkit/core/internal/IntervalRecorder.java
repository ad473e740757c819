package dev.perfkit.core.internal;

import org.HdrHistogram.AtomicHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * A wait-free recorder of nanosecond values whose interval samples never lose or double-count a
 * value: HdrHistogram's {@link WriterReaderPhaser} over two fixed-range {@link AtomicHistogram}s.
 *
 * <p><b>Why not HdrHistogram's {@code Recorder}.</b> Its auto-resizing {@code ConcurrentHistogram}
 * grows inside the writer's critical section, and the resize waits with {@code Thread.yield()}.
 * A virtual thread that yields there can be kept off the carriers by busy virtual threads, and the
 * reader then waits for it forever: a run freezes. Here the range is fixed, so a writer never
 * blocks, yields or allocates inside its critical section.
 *
 * <p><b>Range and precision.</b> From {@link #LOWEST_DISCERNIBLE_NANOS} (1 µs) to
 * {@link #HIGHEST_TRACKABLE_NANOS} (1 hour), with {@link #SIGNIFICANT_DIGITS} significant digits
 * (values within 1 %, as Gatling's). Longer values are recorded as 1 hour. The range is fixed so
 * that memory is too: about 28 KB per histogram.
 *
 * <p>Any number of threads may record; one thread at a time may drain.
 */
final class IntervalRecorder {

    /** Values below 1 µs are not told apart. */
    static final long LOWEST_DISCERNIBLE_NANOS = 1_000L;
    /** Values above 1 hour are recorded as 1 hour. */
    static final long HIGHEST_TRACKABLE_NANOS = 3_600_000_000_000L;
    /** 2 significant digits: values within 1 %. */
    static final int SIGNIFICANT_DIGITS = 2;

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile AtomicHistogram active = newHistogram();
    private AtomicHistogram inactive = newHistogram();

    /** Returns an empty histogram of the recorders' range and precision, auto-resizing, for sums. */
    static Histogram newSumHistogram() {
        Histogram h = new Histogram(LOWEST_DISCERNIBLE_NANOS, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
        h.setAutoResize(true);
        return h;
    }

    private static AtomicHistogram newHistogram() {
        return new AtomicHistogram(LOWEST_DISCERNIBLE_NANOS, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    }

    /**
     * Records a value. Wait-free, no allocation.
     *
     * @param nanos the value; negative values count as 0, values above 1 hour as 1 hour
     */
    void record(long nanos) {
        long value = nanos < 0 ? 0 : Math.min(nanos, HIGHEST_TRACKABLE_NANOS);
        long critical = phaser.writerCriticalSectionEnter();
        try {
            active.recordValue(value);
        } finally {
            phaser.writerCriticalSectionExit(critical);
        }
    }

    /**
     * Adds every value recorded since the last drain to {@code target}, exactly once.
     *
     * @param target the histogram to add to
     */
    void drainInto(Histogram target) {
        phaser.readerLock();
        try {
            AtomicHistogram sample = active;
            active = inactive;
            // Writers never block inside their critical section, so this wait is short.
            phaser.flipPhase(10_000L);
            target.add(sample);
            sample.reset();
            inactive = sample;
        } finally {
            phaser.readerUnlock();
        }
    }
}
