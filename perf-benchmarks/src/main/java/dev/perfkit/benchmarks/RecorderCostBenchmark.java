package dev.perfkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.SingleWriterRecorder;
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
 * Where the time of {@link RecordingBenchmark} goes: one value recorded into each HdrHistogram
 * recording type, single-threaded, without clock reads. {@code SampleMetric.recordSuccess} records
 * an unscheduled sample (intended start == start) as one value into one {@link Recorder}, and a
 * scheduled one as two values into two, so its recording cost is about one or two
 * {@link #recorder}.
 *
 * <ul>
 *   <li>{@link #recorder}: multi-writer {@link Recorder}, what each stripe of a sample name uses
 *       (a phaser around a {@code ConcurrentHistogram}, itself behind a phaser: several atomic
 *       read-modify-writes per value).</li>
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

    private Recorder recorder;
    private SingleWriterRecorder singleWriterRecorder;
    private Histogram histogram;
    private long value;

    /** Creates the recorders, sized for values up to 10 s as a run's would be after a few seconds. */
    @Setup(Level.Trial)
    public void setUp() {
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
