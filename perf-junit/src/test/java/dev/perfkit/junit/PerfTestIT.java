package dev.perfkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.Outcome;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Thresholds;
import dev.perfkit.core.Verdict;
import dev.perfkit.report.ReportFormat;
import java.time.Duration;

/**
 * A load test as a user writes it, run by Failsafe ({@code *IT}) in {@code integration-test}: 2
 * users for 300 ms, each iteration sleeping 1 ms, held to the dev environment's defaults and a
 * generous p95 level.
 */
class PerfTestIT {

    @PerfTest(formats = {ReportFormat.HTML, ReportFormat.JUNIT_XML})
    void shouldPassTheDevThresholdsWhenEachIterationSleepsOneMillisecond(PerfRun perf) throws Exception {
        RunResult result = perf.run(Scenario.named("sleeping").users(2).hold(Duration.ofMillis(300))
                .task(1, "work", session -> Thread.sleep(1)));

        Verdict verdict = perf.assertThresholds(result, Thresholds.forEnvironment("dev")
                .p95("work").below(Duration.ofSeconds(1)));

        assertThat(verdict.outcome()).isNotEqualTo(Outcome.CRITICAL);
        assertThat(perf.reportsDir()).isEqualTo(java.nio.file.Path.of("target/perfkit", PerfTestIT.class.getName(),
                "shouldPassTheDevThresholdsWhenEachIterationSleepsOneMillisecond"));
        assertThat(perf.reportsDir().resolve("report.html")).isNotEmptyFile();
        assertThat(perf.reportsDir().resolve("junit.xml")).isNotEmptyFile();
    }
}
