package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** A monitor whose scrapes 3 to 5 fail (counted by calls, not by time) and one that never fails. */
class MonitorDownFindingTest {

    @Test
    void shouldReportOnlyTheMonitorWhoseUpGaugeWasZeroWhenOneFailed() throws Exception {
        AtomicInteger scrapes = new AtomicInteger();
        Scenario scenario = Scenario.named("monitored").users(1).hold(Duration.ofMillis(800)).seed(1)
                .task(1, "work", session -> LockSupport.parkNanos(1_000_000));
        RunOptions options = RunOptions.custom().interval(Duration.ofMillis(100))
                .addGauge("sut.up", () -> {
                    int n = scrapes.incrementAndGet();
                    return n >= 3 && n <= 5 ? 0 : 1;
                })
                .addGauge("sut.cpu", () -> 0.5)
                .addGauge("jvm.up", () -> 1)
                .build();

        RunResult result = LoadTest.run(scenario, options);

        assertThat(result.intervals()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(Findings.defaults().detect(result)).filteredOn(f -> f.kind().equals(Findings.MONITOR_DOWN))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("sut.up");
                    assertThat(f.title()).isEqualTo("Monitor 'sut' was down in 3 of " + result.intervals().size() + " intervals");
                    assertThat(f.evidence()).contains("the other 'sut.*' gauges hold no fresh value in those intervals");
                });
    }
}
