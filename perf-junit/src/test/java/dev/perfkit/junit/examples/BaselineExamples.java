package dev.perfkit.junit.examples;

import dev.perfkit.core.RunOptions;
import dev.perfkit.core.Thresholds;
import dev.perfkit.junit.PerfRun;
import dev.perfkit.junit.PerfTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Example load tests compared with a baseline, run by {@code BaselineComparisonTest}: the baseline
 * sleeps 2 ms per iteration; one example sleeps 6 ms, the other 1 ms. 1 s in 50 ms intervals gives
 * 20 intervals of about 16 (6 ms, 2 users) to 90 samples each: twice the comparison's minimum of 10
 * intervals, and room below its minimum of 5 samples per interval for a machine busy with builds.
 */
@ExtendWith(OnlyThroughTestKit.class)
public class BaselineExamples {

    /** The run options of the baseline and of both examples. */
    public static final RunOptions OPTIONS = RunOptions.custom().interval(Duration.ofMillis(50)).build();
    /** The length of the baseline and of both examples. */
    public static final Duration HOLD = Duration.ofSeconds(1);

    @PerfTest
    void slower(PerfRun perf, Path baseline) throws Exception {
        var result = perf.run(Work.sleeping("sleeping", Duration.ofMillis(6), HOLD), OPTIONS);
        perf.compareWith(baseline).assertThresholds(result, Thresholds.none());
    }

    @PerfTest
    void faster(PerfRun perf, Path baseline) throws Exception {
        var result = perf.run(Work.sleeping("sleeping", Duration.ofMillis(1), HOLD), OPTIONS);
        perf.compareWith(baseline).assertThresholds(result, Thresholds.none());
    }
}
