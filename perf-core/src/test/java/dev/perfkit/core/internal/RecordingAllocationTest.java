package dev.perfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.SampleKind;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Recording a sample on the hot path allocates nothing, measured with ThreadMXBean. */
class RecordingAllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void shouldAllocateNothingPerSampleWhenRecordingSuccesses() {
        Metrics metrics = new Metrics(Metrics.defaultStripes());
        SampleMetric metric = metrics.metric("GET /users/{id}", SampleKind.REQUEST);
        long tid = Thread.currentThread().threadId();
        // Warm up: let the histograms grow to the value range and the JIT compile the path.
        record(metrics, metric, 200_000);
        long before = THREADS.getThreadAllocatedBytes(tid);
        record(metrics, metric, 1_000_000);
        long allocated = THREADS.getThreadAllocatedBytes(tid) - before;

        // Zero per sample: a few hundred bytes of slack cover the measurement calls themselves.
        assertThat(allocated).as("bytes allocated for 1,000,000 samples").isLessThan(1_000);
    }

    @Test
    void shouldAllocateNothingPerSampleWhenLookingNamesUp() {
        Metrics metrics = new Metrics(Metrics.defaultStripes());
        metrics.metric("GET /users/{id}", SampleKind.REQUEST);
        String name = "GET /users/{id}";
        record(metrics, null, 200_000);
        long tid = Thread.currentThread().threadId();
        long before = THREADS.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 1_000_000; i++) {
            metrics.metric(name, SampleKind.REQUEST).recordSuccess(0, 0, 1_000 + (i & 0xFFFF));
        }
        assertThat(THREADS.getThreadAllocatedBytes(tid) - before).isLessThan(1_000);
    }

    private static void record(Metrics metrics, SampleMetric metric, int samples) {
        for (int i = 0; i < samples; i++) {
            SampleMetric m = metric != null ? metric : metrics.metric("GET /users/{id}", SampleKind.REQUEST);
            long start = System.nanoTime();
            long end = start + 1_000 + (i & 0xFFFF) * 100L;
            m.recordSuccess(start - (i & 0xFF), start, end);
        }
    }
}
