package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A critical abortOnFail rule stops a real run within one interval of its breach, in both load
 * models; the run is bounded by {@code maxDuration} in case the abort did not work.
 */
class AbortOnBreachTest {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    /** A task that succeeds for the first 400 ms of the run and fails from then on. */
    private static Task failingAfter400ms(AtomicLong first) {
        return session -> {
            long now = session.nanoTime();
            first.compareAndSet(0, now);
            LockSupport.parkNanos(2_000_000);
            if (now - first.get() > 400_000_000L) {
                throw new TaskFailure("http_5xx", "status 503");
            }
        };
    }

    private static Scenario scenario(LoadModel model, Task task) {
        Scenario s = Scenario.named("abort-" + model.name().toLowerCase()).maxDuration(Duration.ofSeconds(10));
        s = model == LoadModel.CLOSED
                ? s.users(2).hold(Duration.ofSeconds(10))
                : s.arrivals(ArrivalProfile.constant(ArrivalRate.of(200).perSecond(), Duration.ofSeconds(10))).maxConcurrency(20);
        return s.task(1, "call", task);
    }

    @ParameterizedTest
    @EnumSource(LoadModel.class)
    void shouldStopWithinOneIntervalWhenCriticalAbortRuleIsBreached(LoadModel model) throws InterruptedException {
        Thresholds thresholds = Thresholds.none()
                .errorRate().over(Duration.ofMillis(200)).abortOnFail().below(0.5)
                .p95().below(Duration.ofMillis(1));                    // breached too, but not an abort rule
        RunOptions options = RunOptions.custom().interval(INTERVAL).abortOn(thresholds).build();

        RunResult result = LoadTest.run(scenario(model, failingAfter400ms(new AtomicLong())), options);

        assertThat(result.status()).isEqualTo(RunStatus.ABORTED);
        assertThat(result.stopReason()).startsWith("aborted: threshold errorRate(total) < 0.5 ratio over last 200ms breached,"
                + " errorRate(total) was ").contains("critical at interval");
        int breach = firstBreachingInterval(thresholds, result.intervals());
        assertThat(breach).as("breach after the failures began at 400 ms").isGreaterThanOrEqualTo(3);
        // The interval after the breach ends the run; a last, partial interval follows only when an
        // iteration had to be interrupted at the end of that interval.
        int last = result.intervals().get(result.intervals().size() - 1).index();
        assertThat(last).isBetween(breach + 1, breach + 2);
        // What was measured is kept: the failures that caused the abort are in the totals.
        assertThat(result.total().failures()).isPositive();
        assertThat(result.total().count()).isEqualTo(result.intervals().stream().mapToLong(i -> i.total().count()).sum());
        assertThat(thresholds.evaluate(result).outcome()).isEqualTo(Outcome.CRITICAL);
    }

    @ParameterizedTest
    @EnumSource(LoadModel.class)
    void shouldStopAfterTheIntervalWhoseGaugeReadingCrossesCriticalLevel(LoadModel model) throws InterruptedException {
        // The gauge is read once at the end of each interval: 1, 2, 3, ... so interval k reads k + 1,
        // and the first reading above 5 (critical) is that of interval 5.
        AtomicLong readings = new AtomicLong();
        Thresholds thresholds = Thresholds.none().gauge("sut.memory", Statistic.LAST).abortOnFail().below(3, 5);
        RunOptions options = RunOptions.custom().interval(INTERVAL).abortOn(thresholds)
                .addGauge("sut.memory", readings::incrementAndGet).build();

        RunResult result = LoadTest.run(scenario(model, session -> LockSupport.parkNanos(2_000_000)), options);

        assertThat(result.status()).isEqualTo(RunStatus.ABORTED);
        assertThat(result.stopReason()).matches("aborted: threshold last\\(sut.memory\\) < 3 bytes \\(warning\\), 5 bytes"
                + " \\(critical\\) breached, last\\(sut.memory\\) was 6 bytes, critical at interval 5 \\([0-9a-z]+ into the run\\)");
        assertThat(result.intervals().get(5).gauges()).containsEntry("sut.memory", 6.0);
        assertThat(result.intervals().get(result.intervals().size() - 1).index()).isBetween(6, 7);
        assertThat(result.total().count()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(LoadModel.class)
    void shouldNotAbortWhenBreachHappensWithinGracePeriod(LoadModel model) throws InterruptedException {
        Thresholds thresholds = Thresholds.none().errorRate().abortOnFail(Duration.ofSeconds(30)).below(0.01);
        Scenario failing = Scenario.named("grace").maxDuration(Duration.ofSeconds(5));
        failing = model == LoadModel.CLOSED ? failing.users(2).hold(Duration.ofMillis(500))
                : failing.arrivals(ArrivalProfile.constant(ArrivalRate.of(100).perSecond(), Duration.ofMillis(500)));
        failing = failing.task(1, "call", session -> {
            throw new TaskFailure("http_5xx", "status 503");
        });

        RunResult result = LoadTest.run(failing, RunOptions.custom().interval(INTERVAL).abortOn(thresholds).build());

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.total().errorRate()).isEqualTo(1.0);
    }

    /** The first interval after which the abort rules were breached, replaying the engine's check. */
    private static int firstBreachingInterval(Thresholds thresholds, List<IntervalStats> intervals) {
        for (int k = 0; k < intervals.size(); k++) {
            Optional<RuleResult> breach = thresholds.abortBreach(intervals.subList(0, k + 1), Set.of());
            if (breach.isPresent()) {
                return k;
            }
        }
        throw new AssertionError("no interval breaches the abort rules");
    }
}
