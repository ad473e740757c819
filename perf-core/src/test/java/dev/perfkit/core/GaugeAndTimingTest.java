package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class GaugeAndTimingTest {

    @Test
    void shouldSampleGaugesIntoEveryIntervalAndRecordNaNWhenGaugeThrows() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Scenario scenario = Scenario.named("gauges").users(2).hold(Duration.ofMillis(300))
                .task(1, "t", session -> LockSupport.parkNanos(1_000_000));
        RunOptions options = RunOptions.custom().interval(Duration.ofMillis(50))
                .addGauge("pool.active", calls::incrementAndGet)
                .addGauge("broken", () -> {
                    throw new IllegalStateException("monitor down");
                })
                .build();

        RunResult result = LoadTest.run(scenario, options);

        assertThat(result.intervals()).isNotEmpty().allSatisfy(i -> {
            assertThat(i.gauges()).containsOnlyKeys("pool.active", "broken");
            assertThat(i.gauges().get("broken")).isNaN();
        });
        assertThat(result.intervals()).extracting(i -> i.gauges().get("pool.active"))
                .isSorted().doesNotHaveDuplicates();
        assertThat(calls.get()).isEqualTo(result.intervals().size());
    }

    @Test
    void shouldRejectDuplicateGaugeNamesWhenAdded() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RunOptions.custom().addGauge("g", () -> 1).addGauge("g", () -> 2))
                .withMessage("runOptions: gauge names must be unique, was \"g\" twice");
    }

    @Test
    void shouldKeepTimingsAsStatisticsButOutOfTotalsWhenAdaptersRecordThem() throws Exception {
        Scenario scenario = Scenario.named("timings").users(2).iterationsPerUser(50)
                .task(1, "checkout", session -> {
                    long start = session.nanoTime();
                    session.recordTiming("GET /cart connect", 1_000_000);
                    session.recordTiming("GET /cart waiting", 3_000_000);
                    session.recordSuccess("GET /cart", start, start + 4_000_000);
                });

        RunResult result = LoadTest.run(scenario);

        assertThat(result.total().kind()).isEqualTo(SampleKind.REQUEST);
        assertThat(result.total().count()).isEqualTo(100);
        // Histograms keep 2 significant digits: values within 1 %.
        SampleStats connect = result.sample("GET /cart connect").orElseThrow();
        assertThat(connect.kind()).isEqualTo(SampleKind.TIMING);
        assertThat(connect.count()).isEqualTo(100);
        assertThat(connect.responseTime().p50Nanos()).isBetween(990_000L, 1_010_000L);
        assertThat(result.sample("GET /cart waiting").orElseThrow().responseTime().p99Nanos())
                .isBetween(2_970_000L, 3_030_000L);
    }
}
