package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JvmMonitorTest {

    @Test
    void shouldPublishHeapThreadsCpuAndHeapAfterGcWhenRunIsMonitored() throws Exception {
        JvmMonitor monitor = JvmMonitor.create();
        CountDownLatch fiveIntervals = new CountDownLatch(5);
        RunListener counter = new RunListener() {
            @Override
            public void onInterval(IntervalStats interval) {
                fiveIntervals.countDown();
            }
        };
        // One iteration: a collection, some garbage, then it waits for 5 intervals to have been sampled.
        Scenario scenario = Scenario.named("jvm").users(1).iterations(1).task(1, "collect-and-wait", session -> {
            System.gc();
            byte[] garbage = new byte[1024 * 1024];
            garbage[garbage.length - 1] = 1;
            if (!fiveIntervals.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("5 intervals did not pass in 10 s");
            }
        });

        RunResult result = LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(50))
                .addMonitor(monitor).addListener(counter).build());

        List<IntervalStats> intervals = result.intervals();
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(intervals).hasSizeGreaterThan(5).allSatisfy(i -> {
            Map<String, Double> g = i.gauges();
            assertThat(g).containsOnlyKeys("jvm.cpu", "jvm.memory", "jvm.memory.afterGc", "jvm.heap.committed",
                    "jvm.gc.pause", "jvm.threads", "jvm.up");
            assertThat(g.get("jvm.up")).isEqualTo(1.0);
            assertThat(g.get("jvm.memory")).isPositive();
            assertThat(g.get("jvm.heap.committed")).isGreaterThanOrEqualTo(g.get("jvm.memory"));
            assertThat(g.get("jvm.threads")).isGreaterThanOrEqualTo(2); // at least the test's and the coordinator
            assertThat(g.get("jvm.cpu")).isBetween(0.0, 1.0);
            assertThat(g.get("jvm.gc.pause")).isGreaterThanOrEqualTo(0);
        });
        double afterGc = intervals.getLast().gauges().get("jvm.memory.afterGc");
        assertThat(afterGc).isPositive().isFinite();
        assertThat(monitor.lastError()).isEmpty();
    }

    @Test
    void shouldCountGcPausesSinceStartWhenCollectionsHappenBeforeReading() {
        JvmMonitor monitor = JvmMonitor.create("generator");
        monitor.start(Duration.ofSeconds(1));
        long before = totalGcMillis();
        long after = before;
        for (int i = 0; i < 50 && after == before; i++) { // bounded: until the beans count at least 1 ms
            System.gc();
            after = totalGcMillis();
        }

        double pause = monitor.gauges().get("generator.gc.pause").getAsDouble();

        // start() took its baseline no later than 'before', the reading came no earlier than 'after'.
        assertThat(after).isGreaterThan(before);
        assertThat(pause).isGreaterThanOrEqualTo(after - before);
        assertThat(monitor.label()).isEqualTo("generator");
        assertThat(monitor.gauges().keySet()).allMatch(name -> name.startsWith("generator."));
    }

    private static long totalGcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> !gc.getName().endsWith("Cycles"))
                .mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }
}
