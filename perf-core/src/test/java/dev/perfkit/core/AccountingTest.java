package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** Every executed task invocation is recorded exactly once, and the intervals add up to the totals. */
class AccountingTest {

    private static long sumOfIntervals(RunResult result, String name) {
        return result.intervals().stream()
                .mapToLong(i -> name == null ? i.total().count()
                        : i.samples().containsKey(name) ? i.samples().get(name).count() : 0)
                .sum();
    }

    private static void assertIntervalsAddUp(RunResult result) {
        assertThat(sumOfIntervals(result, null)).isEqualTo(result.total().count());
        assertThat(result.intervals().stream().mapToLong(i -> i.total().failures()).sum())
                .isEqualTo(result.total().failures());
        for (SampleStats s : result.samples()) {
            assertThat(sumOfIntervals(result, s.name())).as(s.name()).isEqualTo(s.count());
        }
        assertThat(result.intervals().stream().mapToLong(IntervalStats::dropped).sum()).isEqualTo(result.dropped());
    }

    @Test
    void shouldRecordExactlyUsersTimesIterationsWhenEachUserHasAnIterationLimit() throws Exception {
        AtomicLong invocations = new AtomicLong();
        Task task = session -> invocations.incrementAndGet();
        Scenario scenario = Scenario.named("n-times-m")
                .users(50).rampUp(Duration.ofMillis(200)).iterationsPerUser(200)
                .task(5, "a", task).task(3, "b", task).task(2, "c", session -> {
                    invocations.incrementAndGet();
                    throw new TaskFailure("planned", "every c fails");
                });

        RunResult result = LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(50)).build());

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.stopReason()).isEqualTo("every user finished its 200 iterations");
        assertThat(result.total().count()).isEqualTo(50 * 200).isEqualTo(invocations.get());
        assertThat(result.iterations()).isEqualTo(50 * 200);
        assertThat(result.samples().stream().mapToLong(SampleStats::count).sum()).isEqualTo(50 * 200);
        assertThat(result.total().failures()).isEqualTo(result.sample("c").orElseThrow().count());
        assertThat(result.total().responseTime().count()).isEqualTo(result.total().successes());
        assertIntervalsAddUp(result);
    }

    @Test
    void shouldRecordExactlyTheSharedIterationLimitWhenUsersCompeteForIt() throws Exception {
        AtomicLong invocations = new AtomicLong();
        Scenario scenario = Scenario.named("shared-limit")
                .users(16).iterations(12_345)
                .task(1, "t", session -> invocations.incrementAndGet());

        RunResult result = LoadTest.run(scenario);

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.total().count()).isEqualTo(12_345).isEqualTo(invocations.get());
        assertIntervalsAddUp(result);
    }

    @Test
    void shouldStartEveryScheduledArrivalOrCountItDroppedWhenOpenModelRuns() throws Exception {
        AtomicLong invocations = new AtomicLong();
        Scenario scenario = Scenario.named("open-exact")
                .arrivals(ArrivalProfile.constant(ArrivalRate.of(2_000).perSecond(), Duration.ofSeconds(2)))
                .maxConcurrency(500)
                .task(1, "t", session -> invocations.incrementAndGet());

        RunResult result = LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(100)).build());

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.total().count() + result.dropped()).isEqualTo(4_000);
        assertThat(result.total().count()).isEqualTo(invocations.get()).isEqualTo(result.iterations());
        assertIntervalsAddUp(result);
    }

    @Test
    void shouldRecordExactlyTheSharedIterationLimitWhenOpenModelHasOne() throws Exception {
        Scenario scenario = Scenario.named("open-limit")
                .arrivals(ArrivalProfile.constant(ArrivalRate.of(5_000).perSecond(), Duration.ofSeconds(30)))
                .iterations(1_000)
                .task(1, "t", session -> { });

        RunResult result = LoadTest.run(scenario);

        assertThat(result.stopReason()).isEqualTo("iteration limit of 1000 reached");
        assertThat(result.total().count()).isEqualTo(1_000);
    }

    @Test
    void shouldLoseNoCompletedInvocationWhenStoppedMidRun() throws Exception {
        AtomicLong completed = new AtomicLong();
        CountDownLatch enough = new CountDownLatch(2_000);
        Scenario scenario = Scenario.named("stop-mid-run")
                .users(40).hold(Duration.ofMinutes(10))
                .task(1, "work", session -> {
                    LockSupport.parkNanos(200_000);
                    completed.incrementAndGet();
                    enough.countDown();
                });

        RunHandle handle = LoadTest.start(scenario);
        enough.await();
        assertThat(handle.snapshot().finished()).isFalse();
        handle.stop();
        RunResult result = handle.await();

        assertThat(result.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(result.total().count()).isEqualTo(completed.get()).isGreaterThanOrEqualTo(2_000);
        assertThat(result.total().failures()).isZero();
        assertThat(handle.snapshot().finished()).isTrue();
        assertIntervalsAddUp(result);
    }

    @Test
    void shouldLoseNoCompletedInvocationWhenOpenModelIsStoppedMidRun() throws Exception {
        AtomicLong completed = new AtomicLong();
        CountDownLatch enough = new CountDownLatch(500);
        Scenario scenario = Scenario.named("stop-open")
                .arrivals(ArrivalProfile.constant(ArrivalRate.of(1_000).perSecond(), Duration.ofMinutes(10)))
                .task(1, "work", session -> {
                    LockSupport.parkNanos(2_000_000);
                    completed.incrementAndGet();
                    enough.countDown();
                });

        RunHandle handle = LoadTest.start(scenario);
        enough.await();
        handle.stop();
        RunResult result = handle.await();

        assertThat(result.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(result.total().count()).isEqualTo(completed.get()).isEqualTo(result.iterations());
    }

    @Test
    void shouldAccountEveryUserWhenTenThousandUsersRunConcurrently() throws Exception {
        AtomicLong invocations = new AtomicLong();
        Scenario scenario = Scenario.named("ten-thousand")
                .users(10_000).iterationsPerUser(3)
                .task(1, "t", session -> {
                    LockSupport.parkNanos(50_000_000);
                    invocations.incrementAndGet();
                });

        RunResult result = LoadTest.run(scenario);

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.peakUsers()).isEqualTo(10_000);
        assertThat(result.total().count()).isEqualTo(30_000).isEqualTo(invocations.get());
        assertIntervalsAddUp(result);
    }
}
