package dev.perfkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.AtomicHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.SingleWriterRecorder;
import org.HdrHistogram.WriterReaderPhaser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where the time of {@link RecordingBenchmark} goes: one value recorded into each kind of
 * recorder, single-threaded, without clock reads. {@code SampleMetric.recordSuccess} records an
 * unscheduled sample (intended start == start) as one value into one stripe's
 * {@code IntervalRecorder}, and a scheduled one as two values into two, so its recording cost is
 * about one or two {@link #intervalRecorder}.
 *
 * <ul>
 *   <li>{@link #intervalRecorder}: the writer path of perf-core's {@code IntervalRecorder}
 *       (package-private, so replicated here): a {@link WriterReaderPhaser} around a fixed-range
 *       {@link AtomicHistogram} (1 µs to 1 h, 2 significant digits), the value clamped first. Four
 *       atomic read-modify-writes per value: the phaser's enter and exit, the bucket, the total.</li>
 *   <li>{@link #atomicHistogram}: the same {@link AtomicHistogram} without the phaser.</li>
 *   <li>{@link #recorder}: HdrHistogram's multi-writer {@link Recorder}, what perf-core used before
 *       (a phaser around an auto-resizing {@code ConcurrentHistogram}, itself behind a phaser).</li>
 *   <li>{@link #singleWriterRecorder}: {@link SingleWriterRecorder}, one phaser around a plain
 *       histogram; safe only if one thread at a time writes it.</li>
 *   <li>{@link #histogram}: a plain {@link Histogram}, the floor.</li>
 * </ul>
 *
 * <pre>
 * java -jar perf-benchmarks/target/benchmarks.jar RecorderCostBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class RecorderCostBenchmark {

    private static final long LARGEST = TimeUnit.SECONDS.toNanos(10);
    /** {@code IntervalRecorder}'s range and precision: 1 µs to 1 hour, 2 significant digits. */
    private static final long LOWEST_DISCERNIBLE_NANOS = 1_000L;
    private static final long HIGHEST_TRACKABLE_NANOS = 3_600_000_000_000L;
    private static final int INTERVAL_RECORDER_DIGITS = 2;

    private WriterReaderPhaser phaser;
    private volatile AtomicHistogram active;
    private AtomicHistogram atomic;
    private Recorder recorder;
    private SingleWriterRecorder singleWriterRecorder;
    private Histogram histogram;
    private long value;

    /** Creates the recorders, sized for values up to 10 s as a run's would be after a few seconds. */
    @Setup(Level.Trial)
    public void setUp() {
        phaser = new WriterReaderPhaser();
        active = new AtomicHistogram(LOWEST_DISCERNIBLE_NANOS, HIGHEST_TRACKABLE_NANOS, INTERVAL_RECORDER_DIGITS);
        atomic = new AtomicHistogram(LOWEST_DISCERNIBLE_NANOS, HIGHEST_TRACKABLE_NANOS, INTERVAL_RECORDER_DIGITS);
        recorder = new Recorder(3);
        singleWriterRecorder = new SingleWriterRecorder(3);
        histogram = new Histogram(3);
        histogram.setAutoResize(true);
        recorder.recordValue(LARGEST);
        singleWriterRecorder.recordValue(LARGEST);
        histogram.recordValue(LARGEST);
    }

    /** Returns a value that moves over a realistic range (1 µs to about 1 ms), so buckets vary. */
    private long next() {
        value = (value + 7919) & 0xFFFFF;
        return 1000 + value;
    }

    /** One value through {@code IntervalRecorder.record}'s path: clamp, phaser enter, atomic histogram, phaser exit. */
    @Benchmark
    public void intervalRecorder() {
        long nanos = next();
        long v = nanos < 0 ? 0 : Math.min(nanos, HIGHEST_TRACKABLE_NANOS);
        long critical = phaser.writerCriticalSectionEnter();
        try {
            active.recordValue(v);
        } finally {
            phaser.writerCriticalSectionExit(critical);
        }
    }

    /** One value into a fixed-range {@link AtomicHistogram}, no phaser. */
    @Benchmark
    public void atomicHistogram() {
        atomic.recordValue(next());
    }

    /** One value into a multi-writer {@link Recorder}. */
    @Benchmark
    public void recorder() {
        recorder.recordValue(next());
    }

    /** One value into a {@link SingleWriterRecorder}. */
    @Benchmark
    public void singleWriterRecorder() {
        singleWriterRecorder.recordValue(next());
    }

    /** One value into a plain {@link Histogram}. */
    @Benchmark
    public void histogram() {
        histogram.recordValue(next());
    }
}
