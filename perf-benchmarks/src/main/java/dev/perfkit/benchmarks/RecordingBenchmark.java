package dev.perfkit.benchmarks;

import dev.perfkit.core.SampleKind;
import dev.perfkit.core.internal.Metrics;
import dev.perfkit.core.internal.SampleMetric;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one recorded sample on the engine's hot path: two {@link System#nanoTime()} reads
 * and {@link SampleMetric#recordSuccess(long, long, long)} into the calling thread's stripe (one or
 * two {@code IntervalRecorder}s: a phaser around a fixed-range atomic histogram). Each histogram's
 * total count is the sample counter, so there is nothing else to record.
 *
 * <p>Two paths, chosen by {@code path}:
 * <ul>
 *   <li>{@code unscheduled}: {@code intendedStart == start}, the closed model's common case (no
 *       pacing) and every adapter request. One time is both the response and the service time:
 *       one recorder write.</li>
 *   <li>{@code scheduled}: {@code intendedStart} 100 µs before {@code start}, as for an open-model
 *       arrival or a paced iteration that started late. The response time (from the intended
 *       start) and the service time (from the start) go into a second pair of recorders, created
 *       on first use: a volatile read and two recorder writes.</li>
 * </ul>
 *
 * <p>Benchmarks:
 * <ul>
 *   <li>{@link #nanoTimePair()}: the two clock reads alone, the floor of any sample.</li>
 *   <li>{@link #recordOneThread}: one sample, one thread.</li>
 *   <li>{@link #recordTwoThreads}: the same from 2 threads into one metric, as the 2 carrier
 *       threads of a 2-core machine do. With {@code stripes=1} both threads always write the same
 *       recorders; with {@code stripes=default} ({@link Metrics#defaultStripes()}) they write
 *       different stripes unless their thread ids collide modulo the stripe count, which each
 *       worker prints at setup.</li>
 * </ul>
 *
 * Targets: at most 50 ns/op and 0 B/op ({@code gc.alloc.rate.norm} with {@code -prof gc}).
 *
 * <pre>
 * java -jar perf-benchmarks/target/benchmarks.jar RecordingBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s
 * java -jar perf-benchmarks/target/benchmarks.jar RecordingBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RecordingBenchmark {

    /** The largest value recorded at setup (the recorders' range is fixed; this also fills a far bucket). */
    private static final long PRESIZE_NANOS = Duration.ofSeconds(10).toNanos();
    /** How late a scheduled sample starts after its intended start: 100 µs. */
    private static final long LATE_NANOS = 100_000;

    /** One sample name shared by every benchmark thread, as in a run. */
    @State(Scope.Benchmark)
    public static class Recording {

        /** {@code unscheduled}: intended start == start; {@code scheduled}: intended start 100 µs earlier. */
        @Param({"unscheduled", "scheduled"})
        public String path;

        /** Stripes per sample name: {@code default} is what a run uses on this machine. */
        @Param({"default", "1"})
        public String stripes;

        SampleMetric metric;
        int stripeCount;
        /** Subtracted from the start to get the intended start: 0 (unscheduled) or 100 µs (scheduled). */
        long lateness;

        /**
         * Creates the metric and records one value into every stripe of the measured path, which
         * for the scheduled path creates the scheduled recorders (as the first scheduled sample of
         * a run does). The unscheduled path never creates them, as in a closed run without pacing.
         */
        @Setup(Level.Trial)
        public void setUp() throws InterruptedException {
            stripeCount = "default".equals(stripes) ? Metrics.defaultStripes() : Integer.parseInt(stripes);
            lateness = switch (path) {
                case "unscheduled" -> 0;
                case "scheduled" -> LATE_NANOS;
                default -> throw new IllegalArgumentException("path: unscheduled or scheduled, was " + path);
            };
            metric = new Metrics(stripeCount).metric("recording", SampleKind.TASK);
            // A stripe is chosen by thread id, and ids are handed out in sequence: a few short-lived
            // threads reach every stripe.
            long intended = lateness == 0 ? 1 : 0;
            for (int i = 0; i < 4 * stripeCount; i++) {
                Thread t = Thread.ofPlatform().start(() -> metric.recordSuccess(intended, 1, PRESIZE_NANOS));
                t.join();
            }
        }
    }

    /** Per worker thread: prints which stripe the thread records into, to read the 2-thread figures. */
    @State(Scope.Thread)
    public static class Worker {

        /**
         * Prints the thread's stripe once per trial.
         *
         * @param recording the shared metric
         */
        @Setup(Level.Trial)
        public void setUp(Recording recording) {
            long id = Thread.currentThread().threadId();
            System.out.println("# worker thread id " + id + " records into stripe "
                    + (id & (recording.stripeCount - 1)) + " of " + recording.stripeCount);
        }
    }

    /**
     * The two clock reads alone.
     *
     * @return the difference, so that the reads are not eliminated
     */
    @Benchmark
    public long nanoTimePair() {
        long start = System.nanoTime();
        long end = System.nanoTime();
        return end - start;
    }

    /**
     * One recorded sample from one thread.
     *
     * @param recording the shared metric
     * @param worker    the thread's setup
     */
    @Benchmark
    public void recordOneThread(Recording recording, Worker worker) {
        long start = System.nanoTime();
        long end = System.nanoTime();
        recording.metric.recordSuccess(start - recording.lateness, start, end);
    }

    /**
     * One recorded sample from each of two threads at once.
     *
     * @param recording the shared metric
     * @param worker    the thread's setup
     */
    @Benchmark
    @Threads(2)
    public void recordTwoThreads(Recording recording, Worker worker) {
        long start = System.nanoTime();
        long end = System.nanoTime();
        recording.metric.recordSuccess(start - recording.lateness, start, end);
    }
}
