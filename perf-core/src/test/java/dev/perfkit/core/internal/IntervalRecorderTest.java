package dev.perfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class IntervalRecorderTest {

    /**
     * 1,000 virtual threads that never block record values of every magnitude while the reader
     * drains continuously. HdrHistogram's auto-resizing Recorder hangs here: a writer resizing its
     * histogram yields inside its critical section, busy threads keep it off the carriers, and the
     * reader waits for it forever. The timeout guards against that hang; it asserts no speed.
     */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldDrainEveryValueExactlyOnceWhenBusyVirtualThreadsRecordAllMagnitudes() throws Exception {
        IntervalRecorder recorder = new IntervalRecorder();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong recorded = new AtomicLong();
        Thread[] writers = new Thread[1_000];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = Thread.ofVirtual().start(() -> {
                long value = 1;
                long n = 0;
                while (!stop.get()) {
                    recorder.record(value);
                    value = value < (1L << 50) ? value * 3 : 1;
                    n++;
                }
                recorded.addAndGet(n);
            });
        }
        Histogram drained = IntervalRecorder.newSumHistogram();
        long drains = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < end) {
            recorder.drainInto(drained);
            drains++;
        }
        stop.set(true);
        for (Thread t : writers) {
            t.join();
        }
        recorder.drainInto(drained);

        assertThat(drains).isGreaterThan(10);
        assertThat(drained.getTotalCount()).isEqualTo(recorded.get());
        assertThat(drained.getMaxValue()).as("values beyond 1 h count as 1 h")
                .isBetween(IntervalRecorder.HIGHEST_TRACKABLE_NANOS * 99 / 100, IntervalRecorder.HIGHEST_TRACKABLE_NANOS * 101 / 100);
    }

    @Test
    void shouldRecordNegativeValuesAsZeroWhenClockStepsBack() {
        IntervalRecorder recorder = new IntervalRecorder();
        recorder.record(-5);
        recorder.record(2_000_000);
        Histogram h = IntervalRecorder.newSumHistogram();

        recorder.drainInto(h);

        assertThat(h.getTotalCount()).isEqualTo(2);
        assertThat(h.getMinValue()).isZero();
        assertThat(h.getMaxValue()).isBetween(1_980_000L, 2_020_000L);
        Histogram again = IntervalRecorder.newSumHistogram();
        recorder.drainInto(again);
        assertThat(again.getTotalCount()).as("a value is drained once").isZero();
    }
}
