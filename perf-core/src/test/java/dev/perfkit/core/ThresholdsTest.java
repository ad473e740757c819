package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evaluates thresholds against real short runs whose statistics are known: tasks that sleep a
 * known time (their response time is at least that, never less) and adapter samples recorded with
 * fixed durations (exact within the histograms' 1 %).
 */
class ThresholdsTest {

    private static final double MIB = 1024 * 1024;
    private static RunResult sleeping;
    private static RunResult requests;

    @BeforeAll
    static void runOnce() throws InterruptedException {
        // 2 users x 40 iterations, each sleeping 5 ms; every 4th iteration fails: error rate exactly 0.25.
        AtomicInteger n = new AtomicInteger();
        sleeping = LoadTest.run(Scenario.named("sleeping").users(2).iterationsPerUser(40)
                .task(1, "work", session -> {
                    LockSupport.parkNanos(5_000_000);
                    if (n.incrementAndGet() % 4 == 0) {
                        throw new TaskFailure("check", "every 4th fails");
                    }
                }));
        // Adapter-style samples of fixed durations: an HTTP request of 20 ms, a statement of 150 ms,
        // and a timing part that must stay out of the groups. The gauges mimic a monitored target.
        requests = LoadTest.run(Scenario.named("requests").users(2).iterationsPerUser(25)
                .task(1, "flow", session -> {
                    long start = session.nanoTime();
                    session.recordTiming("GET /users/{id} connect", 900_000_000);
                    session.recordSuccess("GET /users/{id}", start, start + 20_000_000);
                    session.recordSuccess("user by id", start, start + 150_000_000);
                    LockSupport.parkNanos(1_000_000);
                }), RunOptions.custom().interval(Duration.ofMillis(20))
                .addGauge("sut.memory", () -> 600 * MIB)
                .addGauge("sut.cpu", () -> 0.75)
                .build());
    }

    @Test
    void shouldPutTheRunsFindingsInTheVerdictUnlessTheyAreTurnedOff() {
        // "user by id" (150 ms) is far slower than the other names: a slow_sample finding.
        List<Finding> expected = Findings.defaults().detect(requests);
        assertThat(expected).extracting(Finding::kind).contains(Findings.SLOW_SAMPLE);

        Verdict verdict = Thresholds.none().p95("GET /users/{id}").below(Duration.ofSeconds(1)).evaluate(requests);
        assertThat(verdict.findings()).isEqualTo(expected);
        assertThat(verdict.outcome()).as("findings do not change the outcome").isEqualTo(Outcome.PASS);

        Findings strict = Findings.custom().slowBound(Duration.ofMillis(10)).build();
        assertThat(Thresholds.none().findings(strict).evaluate(requests).findings()).isEqualTo(strict.detect(requests));
        assertThat(Thresholds.none().withoutFindings().evaluate(requests).findings()).isEmpty();
        assertThat(Thresholds.none().withoutFindings().findings()).isEmpty();
    }

    @Test
    void shouldReachEachOutcomeWhenLevelsAreSetAroundKnownValues() {
        Verdict verdict = Thresholds.none()
                .p95("work").below(Duration.ofMillis(1))                                     // >= 5 ms: critical
                .mean("work").below(Duration.ofMillis(2), Duration.ofSeconds(10))            // warning
                .max("work").below(Duration.ofSeconds(10))                                   // pass
                .errorRate().below(0.2, 0.5)                                                 // 0.25: warning
                .errorRate("work").below(0.25)                                               // equal: pass
                .throughput().atLeast(1_000_000)                                             // critical
                .evaluate(sleeping);

        assertThat(verdict.rules()).extracting(RuleResult::outcome).containsExactly(
                Outcome.CRITICAL, Outcome.WARNING, Outcome.PASS, Outcome.WARNING, Outcome.PASS, Outcome.CRITICAL);
        assertThat(verdict.outcome()).isEqualTo(Outcome.CRITICAL);
        assertThat(verdict.passed()).isFalse();
        RuleResult p95 = verdict.rules().get(0);
        assertThat(p95.rule()).isEqualTo("p95(work) < 1 ms");
        assertThat(p95.observed()).isGreaterThanOrEqualTo(5 * 0.99);
        assertThat(p95.unit()).isEqualTo("ms");
        assertThat(p95.warning()).isNaN();
        assertThat(p95.critical()).isEqualTo(1.0);
        assertThat(verdict.rules().get(3).observed()).isEqualTo(0.25);
        assertThat(verdict.rules().get(3).rule()).isEqualTo("errorRate(total) < 0.2 ratio (warning), 0.5 ratio (critical)");
        assertThat(verdict.rules().get(5).higherIsWorse()).isFalse();
    }

    @Test
    void shouldPassWhenEveryLevelHolds() {
        Verdict verdict = Thresholds.none().errorRate().below(0.3).p99().below(Duration.ofSeconds(10)).evaluate(sleeping);

        assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
        assertThat(verdict.environment()).isEmpty();
    }

    @Test
    void shouldJudgeApiAndDatabaseGroupsAndGaugesWhenStagingDefaultsApply() {
        Verdict verdict = Thresholds.forEnvironment("staging").evaluate(requests);

        assertThat(verdict.environment()).isEqualTo("staging");
        assertThat(verdict.rules()).extracting(RuleResult::rule).containsExactly(
                "mean(api) < 150 ms (warning), 200 ms (critical)",
                "max(api) < 800 ms (warning), 1000 ms (critical)",
                "throughput(total) >= 60 /s (warning), 50 /s (critical)",
                "errorRate(total) < 0.02 ratio (warning), 0.05 ratio (critical)",
                "mean(database) < 80 ms (warning), 100 ms (critical)",
                "max(database) < 400 ms (warning), 500 ms (critical)",
                "max(sut.memory) < 419430400 bytes (warning), 524288000 bytes (critical)",
                "mean(sut.cpu) < 0.7 share (warning), 0.8 share (critical)");
        RuleResult apiMax = verdict.rules().get(1);
        // The 900 ms timing part is not a request: the api group holds only GET /users/{id}.
        assertThat(apiMax.subject()).isEqualTo("GET /users/{id}");
        assertThat(apiMax.observed()).isBetween(19.8, 20.2);
        assertThat(apiMax.outcome()).isEqualTo(Outcome.PASS);
        assertThat(apiMax.note()).startsWith("worst of 1 request in api");
        RuleResult dbMean = verdict.rules().get(4);
        assertThat(dbMean.subject()).isEqualTo("user by id");
        assertThat(dbMean.observed()).isBetween(148.5, 151.5);
        assertThat(dbMean.outcome()).isEqualTo(Outcome.CRITICAL);
        assertThat(verdict.rules().get(5).outcome()).isEqualTo(Outcome.PASS);
        assertThat(verdict.rules().get(6).observed()).isEqualTo(600 * MIB);
        assertThat(verdict.rules().get(6).outcome()).isEqualTo(Outcome.CRITICAL);
        assertThat(verdict.rules().get(7).observed()).isEqualTo(0.75);
        assertThat(verdict.rules().get(7).outcome()).isEqualTo(Outcome.WARNING);
    }

    @Test
    void shouldPassDefaultRulesWithNoteWhenTheRunHasNoSuchData() {
        Verdict verdict = Thresholds.forEnvironment(Environment.DEV).evaluate(sleeping);

        RuleResult memory = verdict.rules().get(6);
        assertThat(memory.outcome()).isEqualTo(Outcome.PASS);
        assertThat(memory.observed()).isNaN();
        assertThat(memory.note()).isEqualTo("not monitored: no gauge named \"sut.memory\"");
        assertThat(verdict.rules().get(0).note()).startsWith("not applicable: no request sample matches api");
        // Only the error rate (0.25 > dev's 0.10) is judged critically.
        assertThat(verdict.rules().get(3).outcome()).isEqualTo(Outcome.CRITICAL);
    }

    @Test
    void shouldRejectExplicitRuleWhenTheRunLacksItsSampleOrGauge() {
        Thresholds typo = Thresholds.none().p95("wrok").below(Duration.ofMillis(100));
        assertThatIllegalArgumentException().isThrownBy(() -> typo.evaluate(sleeping))
                .withMessage("rule p95(wrok) < 100 ms: run 'sleeping' has no sample named \"wrok\"; samples: [work]");

        Thresholds gauge = Thresholds.none().gauge("sut.threads", Statistic.MAX).below(500);
        assertThatIllegalArgumentException().isThrownBy(() -> gauge.evaluate(requests))
                .withMessageStartingWith("rule max(sut.threads) < 500 value: run 'requests' has no gauge named \"sut.threads\"")
                .withMessageContaining("gauges: [sut.memory, sut.cpu]");
    }

    @Test
    void shouldJudgeOnlyTheLastIntervalsWhenWindowIsSet() throws InterruptedException {
        // One user for 1 s; for the first 300 ms each request takes 50 ms and every other one fails,
        // then they take 1 ms and succeed. The last 200 ms hold only the fast ones, with 500 ms to spare.
        AtomicLong first = new AtomicLong();
        RunResult result = LoadTest.run(Scenario.named("window").users(1).hold(Duration.ofMillis(1000))
                .task(1, "t", session -> {
                    long now = session.nanoTime();
                    first.compareAndSet(0, now);
                    boolean early = now - first.get() < 300_000_000L;
                    if (early) {
                        session.recordFailure("GET /x", now, now + 50_000_000, "http_5xx", "status 500");
                    }
                    session.recordSuccess("GET /x", now, now + (early ? 50_000_000 : 1_000_000));
                    LockSupport.parkNanos(2_000_000);
                }), RunOptions.custom().interval(Duration.ofMillis(100)).build());

        Verdict verdict = Thresholds.none()
                .p99("GET /x").below(Duration.ofMillis(10))
                .p99("GET /x").over(Duration.ofMillis(200)).below(Duration.ofMillis(10))
                .errorRate("GET /x").below(0.1)
                .errorRate("GET /x").over(Duration.ofMillis(200)).below(0.1)
                .mean("GET /x").over(Duration.ofMillis(200)).below(Duration.ofMillis(10))
                .evaluate(result);

        assertThat(verdict.rules()).extracting(RuleResult::outcome).containsExactly(
                Outcome.CRITICAL, Outcome.PASS, Outcome.CRITICAL, Outcome.PASS, Outcome.PASS);
        RuleResult windowed = verdict.rules().get(1);
        assertThat(windowed.window()).isEqualTo("last 200ms");
        assertThat(windowed.rule()).isEqualTo("p99(GET /x) < 10 ms over last 200ms");
        assertThat(windowed.observed()).isBetween(0.99, 1.01);
        assertThat(windowed.note()).contains("worst interval's p99");
        assertThat(verdict.rules().get(2).observed()).isGreaterThan(0.1);
        assertThat(verdict.rules().get(3).observed()).isZero();
        assertThat(verdict.rules().get(4).observed()).isBetween(0.99, 1.01);
    }

    @Test
    void shouldReplaceDefaultRuleWhenUserJudgesTheSameStatistic() {
        Thresholds custom = Thresholds.forEnvironment("staging").errorRate().below(0.1, 0.3);

        assertThat(custom.rules()).hasSize(Environment.STAGING.defaultRules().size());
        Verdict verdict = custom.evaluate(sleeping);
        assertThat(verdict.rules().get(3).rule()).isEqualTo("errorRate(total) < 0.1 ratio (warning), 0.3 ratio (critical)");
        assertThat(verdict.rules().get(3).outcome()).isEqualTo(Outcome.WARNING);
    }
}
