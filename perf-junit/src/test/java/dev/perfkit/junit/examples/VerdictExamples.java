package dev.perfkit.junit.examples;

import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Thresholds;
import dev.perfkit.junit.PerfRun;
import dev.perfkit.junit.PerfTest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Example load tests, one per kind of judgement, run by {@code PerfTestJudgementTest} through the
 * test kit. Sleeping 1 ms takes at least 1 ms, so a p95 level of 0.5 ms is always breached and a
 * level of 10 s never is on any machine that runs these tests.
 */
@ExtendWith(OnlyThroughTestKit.class)
public class VerdictExamples {

    @PerfTest
    void passing(PerfRun perf) throws Exception {
        RunResult result = perf.run(Work.sleeping());
        perf.assertThresholds(result, Thresholds.none()
                .p95("work").below(Duration.ofSeconds(10))
                .errorRate().below(0.5));
    }

    @PerfTest
    void critical(PerfRun perf) throws Exception {
        RunResult result = perf.run(Work.sleeping());
        perf.assertThresholds(result, Thresholds.none().p95("work").below(Duration.ofNanos(500_000)));
    }

    @PerfTest
    void warning(PerfRun perf) throws Exception {
        RunResult result = perf.run(Work.sleeping());
        perf.assertThresholds(result, Thresholds.none().p95("work").below(Duration.ofNanos(500_000), Duration.ofSeconds(10)));
    }

    @PerfTest
    void failedRun(PerfRun perf) throws Exception {
        AtomicInteger iterations = new AtomicInteger();
        RunResult result = perf.run(Scenario.named("breaking").users(2).hold(Duration.ofSeconds(5))
                .task(1, "work", session -> {
                    Thread.sleep(1);
                    if (iterations.incrementAndGet() == 20) {
                        throw new Error("simulated fatal error at iteration 20");
                    }
                }));
        perf.assertThresholds(result, Thresholds.none().errorRate().below(0.5));
    }

    @PerfTest
    void abortedRun(PerfRun perf) throws Exception {
        Thresholds abort = Thresholds.none().errorRate().abortOnFail().below(0.5);
        RunResult result = perf.run(Scenario.named("refused").users(2).hold(Duration.ofSeconds(5))
                        .task(1, "work", session -> {
                            Thread.sleep(1);
                            throw new IllegalStateException("connection refused");
                        }),
                RunOptions.custom().interval(Duration.ofMillis(50)).abortOn(abort).build());
        perf.assertThresholds(result, abort);
    }

    @PerfTest
    void typoInRule(PerfRun perf) throws Exception {
        RunResult result = perf.run(Work.sleeping());
        perf.assertThresholds(result, Thresholds.none().p95("wrok").below(Duration.ofSeconds(1)));
    }
}
