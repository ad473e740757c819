package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** How a run starts, samples and closes its monitors, on every path. */
class ResourceMonitorTest {

    private static final Duration INTERVAL = Duration.ofMillis(50);

    /** Records what the engine calls, and on which thread. */
    private static final class RecordingMonitor implements ResourceMonitor {
        final List<String> events = new CopyOnWriteArrayList<>();
        private final String label;
        private final boolean failToStart;
        private final Map<String, DoubleSupplier> gauges;

        RecordingMonitor(String label, boolean failToStart) {
            this.label = label;
            this.failToStart = failToStart;
            this.gauges = Map.of(label + ".value", () -> {
                events.add("read");
                return 42;
            });
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public Map<String, DoubleSupplier> gauges() {
            return gauges;
        }

        @Override
        public void start(Duration interval) {
            events.add("start " + interval.toMillis() + "ms on " + Thread.currentThread().getName());
            if (failToStart) {
                throw new IllegalStateException("port in use");
            }
        }

        @Override
        public void close() {
            events.add("close on " + Thread.currentThread().getName());
        }

        @Override
        public Optional<String> lastError() {
            return Optional.empty();
        }
    }

    @Test
    void shouldStartBeforeFirstIntervalAndCloseAfterLastWhenRunCompletes() throws Exception {
        RecordingMonitor monitor = new RecordingMonitor("rec", false);
        Scenario scenario = Scenario.named("lifecycle").users(1).iterations(3).task(1, "t", session -> { });

        RunResult result = LoadTest.run(scenario, RunOptions.custom().interval(INTERVAL).addMonitor(monitor).build());

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(monitor.events.getFirst()).isEqualTo("start 50ms on perfkit-run-lifecycle");
        assertThat(monitor.events.getLast()).isEqualTo("close on perfkit-run-lifecycle");
        assertThat(monitor.events.subList(1, monitor.events.size() - 1)).hasSize(result.intervals().size())
                .containsOnly("read");
        assertThat(result.intervals()).allSatisfy(i -> assertThat(i.gauges()).containsEntry("rec.value", 42.0));
    }

    @Test
    void shouldCloseMonitorsWhenRunFails() throws Exception {
        RecordingMonitor monitor = new RecordingMonitor("rec", false);
        // A long hold, so the run ends because of the Error, not because the load is over.
        Scenario scenario = Scenario.named("failing").users(1).hold(Duration.ofMinutes(1)).task(1, "t", session -> {
            throw new AssertionError("an Error ends the run");
        });

        RunResult result = LoadTest.run(scenario, RunOptions.custom().interval(INTERVAL).addMonitor(monitor).build());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(monitor.events.getLast()).isEqualTo("close on perfkit-run-failing");
    }

    @Test
    void shouldRunOnAndCloseOnlyStartedMonitorsWhenOneFailsToStart() throws Exception {
        RecordingMonitor broken = new RecordingMonitor("broken", true);
        RecordingMonitor working = new RecordingMonitor("working", false);
        Scenario scenario = Scenario.named("start-fails").users(1).iterations(3).task(1, "t", session -> { });

        RunResult result = LoadTest.run(scenario, RunOptions.custom().interval(INTERVAL)
                .addMonitor(broken).addMonitor(working).build());

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(broken.events).noneMatch(e -> e.startsWith("close"));
        assertThat(working.events.getLast()).startsWith("close");
        assertThat(result.intervals().getLast().gauges()).containsOnlyKeys("broken.value", "working.value");
    }

    @Test
    void shouldRejectMonitorWhenItsLabelOrAGaugeNameIsTaken() {
        RunOptions.Builder options = RunOptions.custom().addMonitor(new RecordingMonitor("jvm", false))
                .addGauge("sut.up", () -> 1);
        PrometheusMonitor sut = PrometheusMonitor.custom(URI.create("http://127.0.0.1:9/metrics")).build();

        assertThatIllegalArgumentException().isThrownBy(() -> options.addMonitor(JvmMonitor.create()))
                .withMessage("runOptions: monitor labels must be unique, was \"jvm\" twice");
        assertThatIllegalArgumentException().isThrownBy(() -> options.addMonitor(sut))
                .withMessage("runOptions: gauge names must be unique, was \"sut.up\" twice (monitor \"sut\")");
        RunOptions built = options.build();
        assertThat(built.monitors()).extracting(ResourceMonitor::label).containsExactly("jvm");
        assertThat(built.toBuilder().build().monitors()).isEqualTo(built.monitors());
        assertThat(built.gauges()).containsOnlyKeys("jvm.value", "sut.up");
    }

    @Test
    void shouldRefuseSecondStartButStartAgainWhenPrometheusMonitorWasClosed() {
        PrometheusMonitor monitor = PrometheusMonitor.custom(URI.create("http://127.0.0.1:9/metrics?token=x"))
                .timeout(Duration.ofMillis(200)).build();
        try {
            monitor.start(Duration.ofSeconds(1));
            assertThatIllegalStateException().isThrownBy(() -> monitor.start(Duration.ofSeconds(1)))
                    .withMessage("the monitor of http://127.0.0.1:9/metrics is already started");
            monitor.close();
            monitor.close();
            monitor.start(Duration.ofSeconds(1));
        } finally {
            monitor.close();
        }
        assertThat(monitor).hasToString("PrometheusMonitor[sut, http://127.0.0.1:9/metrics]");
    }
}
