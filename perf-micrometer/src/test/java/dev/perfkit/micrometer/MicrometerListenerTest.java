package dev.perfkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunListener;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.TaskFailure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class MicrometerListenerTest {

    @Test
    void shouldPublishEachIntervalWhileTheRunGoesOnAndAddUpToTheResultWhenItEnds() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<Double> liveThroughput = new ArrayList<>();
        List<Double> liveRunning = new ArrayList<>();
        // listeners are called in order: this one reads what the Micrometer listener has just published
        RunListener watcher = new RunListener() {
            @Override
            public void onInterval(IntervalStats interval) {
                liveThroughput.add(gauge(registry, "perfkit.throughput", "sample", "total"));
                liveRunning.add(gauge(registry, "perfkit.run.active"));
            }
        };

        RunResult result = LoadTest.run(flaky("live"), RunOptions.custom()
                .interval(Duration.ofMillis(100))
                .addListener(MicrometerListener.create(registry))
                .addListener(watcher)
                .build());

        assertThat(liveThroughput).hasSizeGreaterThanOrEqualTo(3);
        assertThat(liveThroughput.get(0)).isPositive();
        assertThat(liveRunning).containsOnly(1.0);
        assertThat(gauge(registry, "perfkit.run.active")).isZero();
        for (String name : List.of("GET /home", "POST /order")) {
            var stats = result.sample(name).orElseThrow();
            assertThat(counter(registry, name, "success")).isEqualTo(stats.successes());
            assertThat(counter(registry, name, "failure")).isEqualTo(stats.failures());
            assertThat(registry.find("perfkit.samples").tags("sample", name, "kind", "task").counters()).hasSize(2);
        }
        assertThat(counter(registry, "total", "failure")).isEqualTo(result.total().failures()).isPositive();
        assertThat(registry.find("perfkit.response.time").tags("sample", "total", "statistic", "p95").gauge())
                .isNotNull().satisfies(g -> assertThat(g.getId().getBaseUnit()).isEqualTo("seconds"));
    }

    @Test
    void shouldTagAdapterSamplesAndPublishTheRunsGaugesWhenRecorded() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Scenario scenario = Scenario.named("adapter").users(2).iterationsPerUser(50)
                .task(1, "checkout", session -> {
                    long start = session.nanoTime();
                    LockSupport.parkNanos(100_000);
                    session.recordSuccess("GET /cart", start, session.nanoTime());
                });

        LoadTest.run(scenario, RunOptions.custom()
                .interval(Duration.ofMillis(50))
                .addGauge("sut.cpu", () -> 0.25)
                .addListener(MicrometerListener.custom(registry).prefix("load").tag("env", "ci").build())
                .build());

        assertThat(registry.find("load.samples").tags("sample", "GET /cart", "kind", "adapter", "env", "ci",
                "scenario", "adapter", "outcome", "success").counter().count()).isEqualTo(100);
        assertThat(registry.find("load.samples").tags("sample", "checkout", "kind", "task").counters()).isNotEmpty();
        assertThat(gauge(registry, "load.gauge", "gauge", "sut.cpu")).isEqualTo(0.25);
        assertThat(registry.find("perfkit.samples").meters()).isEmpty();
    }

    @Test
    void shouldShowNoThroughputAndNoLatencyForANameThatIsIdleInAnInterval() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerListener listener = MicrometerListener.create(registry);
        Scenario scenario = Scenario.named("idle").users(1).iterationsPerUser(1).task(1, "a", s -> { });
        IntervalStats.Interval busy = new IntervalStats.Interval(10, 1, 100, 2e6, 2_000_000, 3_000_000, 3_500_000,
                4_000_000, 5_000_000);

        listener.onStart(scenario, 1);
        listener.onInterval(interval(0, busy, Map.of("a", busy)));
        double p95WhenBusy = gauge(registry, "perfkit.response.time", "sample", "a", "statistic", "p95");
        listener.onInterval(interval(1, busy, Map.of()));

        assertThat(p95WhenBusy).isEqualTo(0.0035);
        assertThat(gauge(registry, "perfkit.throughput", "sample", "a")).isZero();
        assertThat(gauge(registry, "perfkit.response.time", "sample", "a", "statistic", "p95")).isNaN();
        assertThat(gauge(registry, "perfkit.error.rate", "sample", "total")).isEqualTo(0.1);
        assertThat(counter(registry, "a", "success")).isEqualTo(9);
    }

    @Test
    void shouldRejectBadSettingsNamingTheFieldWhenBuilding() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        assertThatThrownBy(() -> MicrometerListener.create(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("micrometerListener: registry must not be null");
        assertThatThrownBy(() -> MicrometerListener.custom(registry).prefix("1abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefix").hasMessageContaining("was \"1abc\"");
        assertThatThrownBy(() -> MicrometerListener.custom(registry).tag("sample", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tag key \"sample\" is reserved");
        assertThatThrownBy(() -> MicrometerListener.custom(registry).tag(" ", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("micrometerListener: tag key must not be blank, was \" \"");
    }

    /** Two names; every fifth order fails. About 500 ms at 100 ms intervals. */
    static Scenario flaky(String name) {
        AtomicLong orders = new AtomicLong();
        return Scenario.named(name).users(3).hold(Duration.ofMillis(500))
                .task(3, "GET /home", session -> LockSupport.parkNanos(1_000_000))
                .task(1, "POST /order", session -> {
                    LockSupport.parkNanos(2_000_000);
                    if (orders.incrementAndGet() % 5 == 0) {
                        throw new TaskFailure("http_503", "status 503");
                    }
                });
    }

    private static IntervalStats interval(int index, IntervalStats.Interval total, Map<String, IntervalStats.Interval> samples) {
        return new IntervalStats(index, Duration.ofSeconds(index), Duration.ofSeconds(1), 1, 1, 0, total, samples, Map.of());
    }

    private static double gauge(MeterRegistry registry, String name, String... tags) {
        Search search = registry.find(name).tags(tags);
        assertThat(search.gauge()).as("gauge %s %s", name, List.of(tags)).isNotNull();
        return search.gauge().value();
    }

    private static long counter(MeterRegistry registry, String sample, String outcome) {
        return (long) registry.find("perfkit.samples").tags("sample", sample, "outcome", outcome).counter().count();
    }
}
