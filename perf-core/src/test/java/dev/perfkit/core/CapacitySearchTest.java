package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The target serves 4 requests at a time, 100 ms each (a semaphore of 4 permits around a 100 ms
 * pause): at most 40 requests per second, and past 4 users the extra ones queue. Up to 4 users
 * nobody waits, so p95 is 100 ms plus the scheduling delay of the machine; with 6 users half the
 * requests wait a whole service time, so p95 is at least 200 ms. A judge of "p95 below 170 ms"
 * therefore passes 2 and 4 users and fails 6, with 70 ms of room for a busy machine.
 */
class CapacitySearchTest {

    private static final Duration STEP = Duration.ofMillis(1_500);

    @Test
    void shouldReportFourUsersAsCapacityWhenTargetServesFourAtATime() throws Exception {
        CapacityResult capacity = CapacitySearch.users(template(), 2, 10, 2).stepDuration(STEP).run(p95Below(170));

        assertThat(capacity.unit()).isEqualTo(CapacitySearch.USERS);
        assertThat(capacity.steps()).extracting(CapacityResult.Step::load).as("stops after the first failing step")
                .containsExactly(2.0, 4.0, 6.0);
        assertThat(capacity.highestPassing()).hasValueSatisfying(s -> assertThat(s.load()).isEqualTo(4.0));
        assertThat(capacity.firstFailing()).hasValueSatisfying(s -> {
            assertThat(s.load()).isEqualTo(6.0);
            assertThat(s.outcome()).isEqualTo(Outcome.CRITICAL);
            // 4 permits of 100 ms cannot serve more than 40/s, whatever the machine; a little slack for the edges
            assertThat(s.throughput()).isLessThan(43);
            assertThat(s.p95Nanos()).isGreaterThanOrEqualTo(170_000_000L);
            assertThat(s.result().peakUsers()).isEqualTo(6);
        });
        assertThat(capacity.steps()).allSatisfy(s -> {
            assertThat(s.p50Nanos()).isLessThanOrEqualTo(s.p95Nanos()).isLessThanOrEqualTo(s.p99Nanos());
            assertThat(s.errorRate()).isZero();
        });
        assertThat(capacity.table()).startsWith("       users   throughput").contains("CRITICAL").hasLineCount(4);
    }

    @Test
    void shouldRunEveryStepWhenAskedNotToStopAtTheFirstFailure() throws Exception {
        Scenario open = Scenario.named("capacity").maxConcurrency(50).task(1, "serve", servedByFour());

        CapacityResult capacity = CapacitySearch.arrivalRates(open, 20, 100, 40).stepDuration(Duration.ofSeconds(1))
                .stopAtFirstFailure(false).run(p95Below(250));

        assertThat(capacity.unit()).isEqualTo(CapacitySearch.ARRIVALS_PER_SECOND);
        assertThat(capacity.steps()).extracting(CapacityResult.Step::load).containsExactly(20.0, 60.0, 100.0);
        // 20/s is half the capacity (2 in service at a time, nobody waits); 60/s and 100/s exceed the
        // 40/s the target can serve: 20 and 60 arrivals are still queued at the end of the second
        assertThat(capacity.steps()).extracting(CapacityResult.Step::passed).containsExactly(true, false, false);
        assertThat(capacity.highestPassing()).hasValueSatisfying(s -> assertThat(s.load()).isEqualTo(20.0));
    }

    @Test
    void shouldRejectBadBoundsWhenSearchIsDefined() {
        assertThatIllegalArgumentException().isThrownBy(() -> CapacitySearch.users(template(), 0, 10, 2))
                .withMessage("capacity/capacitySearch: from must be > 0, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> CapacitySearch.users(template(), 5, 4, 1))
                .withMessage("capacity/capacitySearch: to must be >= from (5), was 4");
        assertThatIllegalArgumentException().isThrownBy(() -> CapacitySearch.users(template(), 1, 5000, 1))
                .withMessage("capacity/capacitySearch: steps must be <= 1000, was 5000");
        assertThatIllegalArgumentException().isThrownBy(() -> CapacitySearch.arrivalRates(template(), 1, 1e6, 1e-12))
                .withMessage("capacity/capacitySearch: steps must be <= 1000, was more than 10^15");
        assertThat(CapacitySearch.arrivalRates(template(), 0.1, 0.3, 0.1).loads()).as("0.3 is reached despite rounding")
                .hasSize(3);
        assertThatIllegalArgumentException().isThrownBy(() -> CapacitySearch.arrivalRates(template(), 10, 20, 0))
                .withMessage("capacity/capacitySearch: stepPerSecond must be a finite number > 0, was 0.0");
        assertThatIllegalArgumentException().isThrownBy(() -> CapacitySearch.arrivalRates(template(), 1, 2, 1)
                        .rampUp(Duration.ofSeconds(1)))
                .withMessage("capacity/capacitySearch: rampUp applies to a search over users, not over arrivals/s");
        assertThatIllegalArgumentException().isThrownBy(() -> CapacitySearch.users(template(), 1, 2, 1).stepDuration(Duration.ZERO))
                .withMessage("capacity/capacitySearch: stepDuration must be > 0, was 0s");
    }

    @Test
    void shouldRejectTemplateOfTheOtherModelWhenSearchIsDefined() {
        Scenario closed = template().users(3);

        assertThatIllegalArgumentException().isThrownBy(() -> CapacitySearch.arrivalRates(closed, 10, 20, 10))
                .withMessageStartingWith("capacity: arrivals belongs to the open model, but the scenario is closed");
        assertThat(CapacitySearch.users(closed, 2, 6, 2).rampUp(Duration.ofSeconds(2)).scenarioAt(6).describe())
                .startsWith("capacity: closed, 6 users, ramp 2s, hold 30s");
    }

    private static Scenario template() {
        return Scenario.named("capacity").task(1, "serve", servedByFour());
    }

    private static Task servedByFour() {
        Semaphore servers = new Semaphore(4, true);
        return session -> {
            servers.acquire();
            try {
                LockSupport.parkNanos(100_000_000);
            } finally {
                servers.release();
            }
        };
    }

    /** The judge, written inline: one rule on the total's p95. */
    private static Function<RunResult, Verdict> p95Below(long millis) {
        return result -> {
            double p95 = result.total().responseTime().p95Nanos() / 1e6;
            Outcome outcome = p95 < millis ? Outcome.PASS : Outcome.CRITICAL;
            RuleResult rule = new RuleResult("p95(total) < " + millis + " ms", SampleStats.TOTAL, "p95", "ms", p95,
                    Double.NaN, millis, true, "run", outcome, "");
            return Verdict.of("", List.of(rule), List.of());
        };
    }
}
