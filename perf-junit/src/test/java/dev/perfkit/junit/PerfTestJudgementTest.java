package dev.perfkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.junit.examples.VerdictExamples;
import dev.perfkit.report.ReportFormat;
import dev.perfkit.report.ResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/** Runs the example load tests of {@link VerdictExamples} through the test kit and checks how each ends. */
class PerfTestJudgementTest {

    @TempDir
    Path reports;

    private EngineExecutionResults run(String example) {
        return Examples.run(VerdictExamples.class, example, Map.of(PerfkitExtension.REPORTS_DIR, reports.toString()));
    }

    private Path folder(String example) {
        return reports.resolve(VerdictExamples.class.getName()).resolve(example);
    }

    @Test
    void shouldPassAndPublishEveryReportWhenTheThresholdsHold() throws Exception {
        EngineExecutionResults results = run("passing");

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
        Map<String, String> entries = Examples.entries(results);
        for (ReportFormat format : ReportFormat.values()) {
            String key = "perfkit.report." + format.name().toLowerCase(Locale.ROOT);
            Path expected = folder("passing").resolve(format.defaultName()).toAbsolutePath();
            assertThat(entries).as(key).containsEntry(key, expected.toString());
            assertThat(expected).exists();
        }
        assertThat(entries).containsEntry("perfkit.verdict", "PASS");
        // the JSON report is the judged result: it reads back with the verdict
        var read = ResultJson.read(folder("passing").resolve("result.json"));
        assertThat(read.result().scenario()).isEqualTo("sleeping");
        assertThat(read.result().total().count()).isPositive();
        assertThat(read.verdict()).hasValueSatisfying(v -> assertThat(v.rules()).hasSize(2));
        assertThat(Files.readString(folder("passing").resolve("report.html"))).contains("sleeping");
    }

    @Test
    void shouldFailWithTheRuleAndTheSummaryWhenAThresholdIsCritical() {
        EngineExecutionResults results = run("critical");

        Throwable failure = Examples.failure(results);
        assertThat(failure).isInstanceOf(AssertionFailedError.class);
        assertThat(failure.getMessage())
                .startsWith("perfkit: load test 'sleeping' of VerdictExamples.critical did not pass:")
                .contains("- critical threshold p95(work) < 0.5 ms: observed ")
                .contains("critical level 0.5 ms")
                .contains("reports: " + folder("critical").toAbsolutePath())
                .contains("CRITICAL");
        // the reports of a failed judgement are written too, with the verdict
        assertThat(folder("critical").resolve("report.html")).exists();
        assertThat(Examples.entries(results).get("perfkit.verdict")).startsWith("CRITICAL; CRITICAL p95(work) < 0.5 ms");
    }

    @Test
    void shouldPassAndPublishTheWarningWhenARuleOnlyWarns() {
        EngineExecutionResults results = run("warning");

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(Examples.entries(results).get("perfkit.verdict"))
                .startsWith("WARNING; WARNING p95(work) < 0.5 ms (warning), 10000 ms (critical): observed ")
                .endsWith("warning level 0.5 ms");
    }

    @Test
    void shouldFailWithTheErrorWhenTheRunFailed() {
        EngineExecutionResults results = run("failedRun");

        Throwable failure = Examples.failure(results);
        assertThat(failure).isInstanceOf(AssertionFailedError.class);
        assertThat(failure.getMessage())
                .contains("- the run failed: ")
                .contains("simulated fatal error at iteration 20")
                .doesNotContain("critical threshold");
        // what was measured before the error is still reported, without a verdict
        assertThat(folder("failedRun").resolve("result.json")).exists();
        assertThat(Examples.entries(results)).doesNotContainKey("perfkit.verdict");
    }

    @Test
    void shouldFailWithTheStopReasonWhenAThresholdAbortedTheRun() {
        EngineExecutionResults results = run("abortedRun");

        assertThat(Examples.failure(results).getMessage())
                .contains("- the run was aborted: aborted: threshold errorRate(total)")
                .contains("- critical threshold errorRate(total)");
    }

    @Test
    void shouldErrorNamingTheRuleAndStillWriteTheReportsWhenARuleNamesAMissingSample() {
        EngineExecutionResults results = run("typoInRule");

        Throwable failure = Examples.failure(results);
        assertThat(failure).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p95(wrok)").hasMessageContaining("work");
        assertThat(Arrays.stream(ReportFormat.values()).map(f -> folder("typoInRule").resolve(f.defaultName())))
                .allSatisfy(p -> assertThat(p).exists());
    }
}
