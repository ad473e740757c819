package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A task that keeps byte arrays in a list leaks; the same task that drops them does not. The
 * gauge {@code test.memory.afterGc} collects the garbage itself before it reads the heap, so every
 * point is the memory still in use after a collection, whatever the collector would have done.
 */
class MemoryLeakFindingTest {

    private static final Findings SHORT_RUN = Findings.custom().leakMinDuration(Duration.ofSeconds(1)).build();

    @Test
    void shouldFindLeakWhenTaskKeepsEveryArrayItAllocates() throws Exception {
        List<byte[]> leaked = new ArrayList<>();
        RunResult result = run(session -> {
            synchronized (leaked) {
                leaked.add(new byte[16 * 1024]);
            }
        });

        List<Finding> findings = SHORT_RUN.detect(result);

        assertThat(leaked).hasSizeGreaterThan(500);
        assertThat(findings).filteredOn(f -> f.kind().equals(Findings.MEMORY_LEAK)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("test.memory.afterGc");
            assertThat(f.title()).startsWith("Memory leak suspected: test.memory.afterGc grows ").endsWith(" per minute");
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e).startsWith("slope ").contains("95.0 % confidence interval"));
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("left out as warm-up"));
            assertThat(f.recommendation()).contains("heap dumps");
        });
        // the defaults ask for a minute of data after the warm-up: 3 s say nothing about leaks
        assertThat(Findings.defaults().detect(result)).noneMatch(f -> f.kind().equals(Findings.MEMORY_LEAK));
    }

    @Test
    void shouldFindNoLeakWhenTaskDropsWhatItAllocates() throws Exception {
        long[] sink = new long[1];
        RunResult result = run(session -> {
            byte[] garbage = new byte[16 * 1024];
            sink[0] += garbage.length;
        });

        assertThat(sink[0]).isGreaterThan(500L * 16 * 1024);
        assertThat(SHORT_RUN.detect(result)).noneMatch(f -> f.kind().equals(Findings.MEMORY_LEAK));
    }

    /** Two users for 3 s, each iteration allocating 16 KiB and pausing 5 ms; the heap after a GC every 100 ms. */
    private static RunResult run(Task allocate) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Scenario scenario = Scenario.named("memory").users(2).hold(Duration.ofSeconds(3)).seed(1)
                .task(1, "allocate", session -> {
                    allocate.run(session);
                    LockSupport.parkNanos(5_000_000);
                });
        RunOptions options = RunOptions.custom().interval(Duration.ofMillis(100))
                .addGauge("test.memory.afterGc", () -> {
                    System.gc();
                    return memory.getHeapMemoryUsage().getUsed();
                })
                .build();
        return LoadTest.run(scenario, options);
    }
}
