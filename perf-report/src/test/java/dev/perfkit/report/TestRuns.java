package dev.perfkit.report;

import dev.perfkit.core.Finding;
import dev.perfkit.core.LoadTest;
import dev.perfkit.core.Outcome;
import dev.perfkit.core.RuleResult;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.TaskFailure;
import dev.perfkit.core.Thresholds;
import dev.perfkit.core.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Results of real, short runs shared by the report tests (results are immutable), and a verdict
 * built by hand. Sample names hold the characters every format must escape.
 */
final class TestRuns {

    /** A name with a comma, as Locust's CSV users meet in URLs. */
    static final String COMMA = "GET /items?a=1,b=2";
    /** A name with double quotes. */
    static final String QUOTE = "say \"hi\"";
    /** A name with a line break, a pipe and markup. */
    static final String MARKUP = "multi\nline | <b>&amp;</b>";
    /** The category of the failures of {@link #QUOTE}. */
    static final String CATEGORY = "http_500";
    /** The message of the failures of {@link #QUOTE}: a comma, quotes and a line break. */
    static final String MESSAGE = "status 500, body \"oops\"\nsecond line";

    private static RunResult complete;
    private static RunResult failed;
    private static RunResult shard;
    private static RunResult aborted;

    private TestRuns() {
    }

    /**
     * A completed closed run of 4 users for 400 ms over three tasks of about 1 ms, one in five
     * calls of {@link #QUOTE} failing, with two gauges (one always NaN) and 100 ms intervals.
     */
    static synchronized RunResult complete() throws InterruptedException {
        if (complete == null) {
            AtomicLong calls = new AtomicLong();
            AtomicLong gauge = new AtomicLong();
            Scenario scenario = Scenario.named("shop").users(4).hold(Duration.ofMillis(400)).seed(42)
                    .task(3, COMMA, s -> LockSupport.parkNanos(1_000_000))
                    .task(2, QUOTE, s -> {
                        LockSupport.parkNanos(1_000_000);
                        if (calls.incrementAndGet() % 5 == 0) {
                            throw new TaskFailure(CATEGORY, MESSAGE);
                        }
                    })
                    .task(1, MARKUP, s -> LockSupport.parkNanos(2_000_000));
            RunOptions options = RunOptions.custom().interval(Duration.ofMillis(100))
                    .addGauge("jvm.threads", () -> gauge.incrementAndGet())
                    .addGauge("sut.up", () -> Double.NaN)
                    .build();
            complete = LoadTest.run(scenario, options);
        }
        return complete;
    }

    /** A second, smaller shard of {@link #complete()}'s test: 2 users for 200 ms on {@link #COMMA} only. */
    static synchronized RunResult shard() throws InterruptedException {
        if (shard == null) {
            Scenario scenario = Scenario.named("shop").users(2).hold(Duration.ofMillis(200)).seed(43)
                    .task(1, COMMA, s -> LockSupport.parkNanos(3_000_000));
            shard = LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(100)).build());
        }
        return shard;
    }

    /** A run that an {@link Error} in a task ended after 50 calls: status FAILED, with an error. */
    static synchronized RunResult failed() throws InterruptedException {
        if (failed == null) {
            AtomicLong calls = new AtomicLong();
            Scenario scenario = Scenario.named("broken").users(2).hold(Duration.ofSeconds(5)).seed(7)
                    .task(1, "work", s -> {
                        LockSupport.parkNanos(1_000_000);
                        if (calls.incrementAndGet() == 50) {
                            throw new AssertionError("the <engine> & \"it\" broke");
                        }
                    });
            failed = LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(100)).build());
        }
        return failed;
    }

    /** The thresholds that abort {@link #aborted()}: an error rate of 50 % or more. */
    static Thresholds abortRules() {
        return Thresholds.none().errorRate().abortOnFail().below(0.5);
    }

    /**
     * A run of 2 users planned for 10 s whose calls all fail after the 40th, aborted by
     * {@link #abortRules()} within an interval of 100 ms: status ABORTED.
     */
    static synchronized RunResult aborted() throws InterruptedException {
        if (aborted == null) {
            AtomicLong calls = new AtomicLong();
            Scenario scenario = Scenario.named("aborted").users(2).hold(Duration.ofSeconds(10)).seed(9)
                    .task(1, "work", s -> {
                        LockSupport.parkNanos(1_000_000);
                        if (calls.incrementAndGet() > 40) {
                            throw new TaskFailure(CATEGORY, MESSAGE);
                        }
                    });
            aborted = LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(100))
                    .abortOn(abortRules()).build());
        }
        return aborted;
    }

    /**
     * A verdict over {@link #complete()}: one rule of each outcome, texts with markup, unset levels
     * (NaN), and one finding.
     */
    static Verdict verdict() {
        return Verdict.of("staging <eu>", List.of(
                new RuleResult("p95(" + COMMA + ") < 200 ms", COMMA, "p95", "ms", 1.25, Double.NaN, 200, true,
                        "run", Outcome.PASS, ""),
                new RuleResult("throughput >= 5000 /s", "total", "throughput", "/s", 2100.5, 6000, 5000, false,
                        "last 30 s", Outcome.WARNING, "note with <xml> & \"quotes\""),
                new RuleResult("errorRate(" + QUOTE + ") < 1 %", QUOTE, "errorRate", "ratio", 0.2, 0.005, 0.01, true,
                        "run", Outcome.CRITICAL, "")),
                List.of(new Finding("error_burst", QUOTE, "Errors of " + QUOTE + " | 20 %",
                        List.of("1 in 5 calls failed", "category " + CATEGORY),
                        "Check the <server> logs & retry.\nThen rerun.")));
    }
}
