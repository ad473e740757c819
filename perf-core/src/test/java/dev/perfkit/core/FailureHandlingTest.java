package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** Task failures are data and the run goes on; an Error ends the run and keeps what was measured. */
class FailureHandlingTest {

    @Test
    void shouldRecordFailuresByCategoryAndGoOnWhenTasksThrow() throws Exception {
        AtomicLong calls = new AtomicLong();
        Scenario scenario = Scenario.named("failures")
                .users(4).iterationsPerUser(250)
                .task(1, "flaky", session -> {
                    long n = calls.incrementAndGet();
                    if (n % 4 == 0) {
                        throw new IllegalStateException("odd state " + (n % 3));
                    }
                    if (n % 4 == 1) {
                        throw new TaskFailure("timeout", "read timed out after 5s");
                    }
                });

        RunResult result = LoadTest.run(scenario);

        SampleStats flaky = result.sample("flaky").orElseThrow();
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(flaky.count()).isEqualTo(1_000);
        assertThat(flaky.failures()).isEqualTo(500);
        assertThat(flaky.errorRate()).isEqualTo(0.5);
        assertThat(flaky.responseTime().count()).isEqualTo(500);
        assertThat(flaky.failureSummaries()).extracting(FailureSummary::category, FailureSummary::count)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("IllegalStateException", 250L),
                        org.assertj.core.groups.Tuple.tuple("timeout", 250L));
        FailureSummary state = flaky.failureSummaries().stream()
                .filter(f -> f.category().equals("IllegalStateException")).findFirst().orElseThrow();
        assertThat(state.messages()).extracting(FailureSummary.MessageCount::message).containsExactlyInAnyOrder(
                "java.lang.IllegalStateException: odd state 0", "java.lang.IllegalStateException: odd state 1",
                "java.lang.IllegalStateException: odd state 2");
        assertThat(state.messages().stream().mapToLong(FailureSummary.MessageCount::count).sum()).isEqualTo(250);
    }

    @Test
    void shouldKeepABoundedSetOfMessagesWhenEveryFailureIsDifferent() throws Exception {
        AtomicLong calls = new AtomicLong();
        Scenario scenario = Scenario.named("many-messages")
                .users(2).iterationsPerUser(100)
                .task(1, "t", session -> {
                    throw new TaskFailure("http_5xx", "request " + calls.incrementAndGet() + " failed: " + "x".repeat(1_000));
                });

        RunResult result = LoadTest.run(scenario);

        FailureSummary summary = result.total().failureSummaries().get(0);
        assertThat(summary.count()).isEqualTo(200);
        assertThat(summary.messages()).hasSize(FailureSummary.MAX_MESSAGES + 1);
        assertThat(summary.messages().get(summary.messages().size() - 1))
                .isEqualTo(new FailureSummary.MessageCount(FailureSummary.OTHER_MESSAGES, 190));
        assertThat(summary.messages().get(0).message()).hasSizeLessThanOrEqualTo(FailureSummary.MAX_MESSAGE_LENGTH + 3);
    }

    @Test
    void shouldStopRunAndKeepMeasurementsWhenTaskThrowsError() throws Exception {
        AtomicLong calls = new AtomicLong();
        Scenario scenario = Scenario.named("error")
                .users(4).hold(Duration.ofMinutes(10))
                .task(1, "t", session -> {
                    if (calls.incrementAndGet() == 500) {
                        throw new AssertionError("the target returned garbage");
                    }
                    LockSupport.parkNanos(100_000);
                });

        RunResult result = LoadTest.run(scenario);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.errorText()).hasValue("java.lang.AssertionError: the target returned garbage");
        assertThat(result.stopReason()).startsWith("error in a task or hook: java.lang.AssertionError");
        SampleStats t = result.sample("t").orElseThrow();
        assertThat(t.successes()).isGreaterThanOrEqualTo(499);
        assertThat(t.failureSummaries()).extracting(FailureSummary::category).contains("error");
        // Every invocation that ran was recorded: the ones interrupted by the hard stop as failures.
        assertThat(t.count()).isEqualTo(calls.get());
        assertThat(result.duration()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void shouldEndFailedWhenTheLastIterationThrowsError() throws Exception {
        // The error comes as the run ends by itself (no more iterations): the run must still be
        // FAILED, whichever of the error and the end the coordinator sees first. Repeated because
        // the two race.
        for (int attempt = 0; attempt < 20; attempt++) {
            Scenario scenario = Scenario.named("late-error")
                    .users(1).iterationsPerUser(3)
                    .task(1, "t", session -> {
                        if (session.iteration() == 2) {
                            throw new AssertionError("broken on the last iteration");
                        }
                    });

            RunResult result = LoadTest.run(scenario);

            assertThat(result.status()).as("attempt %d", attempt).isEqualTo(RunStatus.FAILED);
            assertThat(result.stopReason()).startsWith("error in a task or hook: java.lang.AssertionError");
            assertThat(result.errorText()).hasValue("java.lang.AssertionError: broken on the last iteration");
        }
    }

    @Test
    void shouldInterruptInFlightTasksAndRecordThemWhenMaxDurationIsReached() throws Exception {
        AtomicLong calls = new AtomicLong();
        Scenario scenario = Scenario.named("hard-stop")
                .users(5).hold(Duration.ofMinutes(10)).maxDuration(Duration.ofMillis(300))
                .task(1, "slow", session -> {
                    calls.incrementAndGet();
                    Thread.sleep(Duration.ofMinutes(5));
                });

        RunResult result = LoadTest.run(scenario);

        assertThat(result.status()).isEqualTo(RunStatus.MAX_DURATION);
        SampleStats slow = result.sample("slow").orElseThrow();
        assertThat(slow.count()).isEqualTo(5).isEqualTo(calls.get());
        assertThat(slow.failureSummaries()).extracting(FailureSummary::category, FailureSummary::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("interrupted", 5L));
    }

    @Test
    void shouldInterruptTasksAfterGracefulStopDeadlineWhenTheyOverrun() throws Exception {
        Scenario scenario = Scenario.named("graceful")
                .users(3).hold(Duration.ofMillis(200)).gracefulStop(Duration.ofMillis(100))
                .task(1, "endless", session -> Thread.sleep(Duration.ofMinutes(5)));

        RunResult result = LoadTest.run(scenario);

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.sample("endless").orElseThrow().failureSummaries())
                .extracting(FailureSummary::category).containsExactly("interrupted");
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldRecordHookFailuresOutsideTotalsWhenOnStartThrows() throws Exception {
        Scenario scenario = Scenario.named("hooks")
                .users(3).iterationsPerUser(10)
                .userType(UserType.named("u")
                        .onStart(session -> {
                            throw new TaskFailure("login", "bad password");
                        })
                        .onStop(session -> { })
                        .task(1, "t", session -> { }));

        RunResult result = LoadTest.run(scenario);

        assertThat(result.sample("u:onStart").orElseThrow().failures()).isEqualTo(3);
        assertThat(result.sample("u:onStop").orElseThrow().successes()).isEqualTo(3);
        assertThat(result.sample("u:onStart").orElseThrow().kind()).isEqualTo(SampleKind.HOOK);
        assertThat(result.total().count()).isEqualTo(30);
        assertThat(result.total().failures()).isZero();
    }

    @Test
    void shouldEndRunWithReasonAndDiscardTheAskingIterationWhenFeederRunsOut() throws Exception {
        Feeder<String> accounts = Feeder.once(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")).named("accounts");
        Scenario scenario = Scenario.named("feeder")
                .users(3).hold(Duration.ofMinutes(10))
                .task(1, "use-account", session -> session.feed(accounts));

        RunResult result = LoadTest.run(scenario);

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.stopReason()).isEqualTo("feeder 'accounts' ran out of records");
        assertThat(result.sample("use-account").orElseThrow().count()).isEqualTo(10);
        assertThat(result.total().failures()).isZero();
    }

    @Test
    void shouldStopFlowAtFailingStepWhenUserTypeHasSteps() throws Exception {
        Scenario scenario = Scenario.named("flow")
                .users(2).iterationsPerUser(5)
                .userType(UserType.named("checkout")
                        .step("browse", session -> { })
                        .step("pay", session -> {
                            throw new TaskFailure("declined", "card declined");
                        })
                        .step("confirm", session -> { }));

        RunResult result = LoadTest.run(scenario);

        assertThat(result.sample("browse").orElseThrow().count()).isEqualTo(10);
        assertThat(result.sample("pay").orElseThrow().failures()).isEqualTo(10);
        // A task that never ran still appears, with no samples: a report shows it as 0.
        assertThat(result.sample("confirm").orElseThrow().count()).isZero();
        assertThat(result.iterations()).isEqualTo(10);
    }
}
