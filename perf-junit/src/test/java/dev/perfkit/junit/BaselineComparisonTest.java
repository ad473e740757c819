package dev.perfkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.LoadTest;
import dev.perfkit.junit.examples.BaselineExamples;
import dev.perfkit.junit.examples.OnlyThroughTestKit;
import dev.perfkit.junit.examples.Work;
import dev.perfkit.report.Baselines;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * {@link PerfRun#compareWith}: the examples of {@link BaselineExamples} against a baseline that
 * sleeps 2 ms per iteration. Slower means 6 ms: every interval's median triples, far past the
 * policy's 10 % minimum shift, and 20 intervals against 20 that do not overlap give a p-value
 * around 1e-8, far below 0.01. Faster means 1 ms: a one-sided test cannot call it a regression.
 */
class BaselineComparisonTest {

    @TempDir
    static Path folder;

    private static Path baseline;

    @BeforeAll
    static void saveBaseline() throws Exception {
        baseline = Baselines.save(LoadTest.run(Work.sleeping("sleeping", Duration.ofMillis(2), BaselineExamples.HOLD),
                BaselineExamples.OPTIONS), folder.resolve("baseline.json"));
    }

    private static EngineExecutionResults run(String example, Path baselineFile) {
        return run(example, baselineFile, folder.resolve("reports"));
    }

    private static EngineExecutionResults run(String example, Path baselineFile, Path reports) {
        return Examples.run(BaselineExamples.class, example, Map.of(
                PerfkitExtension.REPORTS_DIR, reports.toString(),
                PerfkitExtension.REPORTS_FORMATS, "json",
                OnlyThroughTestKit.PATH, baselineFile.toString()));
    }

    @Test
    void shouldFailNamingTheSampleWhenTheRunIsSlowerThanItsBaseline() {
        EngineExecutionResults results = run("slower", baseline);

        Throwable failure = Examples.failure(results);
        assertThat(failure).isInstanceOf(AssertionFailedError.class);
        assertThat(failure.getMessage()).contains("- regression against the baseline: ").contains("work: ")
                .contains(baseline.toString());
        assertThat(Examples.entries(results).get("perfkit.comparison")).startsWith("regression against the baseline");
    }

    @Test
    void shouldPassAndPublishTheComparisonWhenTheRunIsFasterThanItsBaseline() {
        EngineExecutionResults results = run("faster", baseline);

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(Examples.entries(results).get("perfkit.comparison")).startsWith("no regression against the baseline");
    }

    @Test
    void shouldErrorNamingTheFileAndStillWriteTheReportsWhenTheBaselineIsMissing(@TempDir Path reports) {
        Path missing = folder.resolve("no-such-baseline.json");

        Throwable failure = Examples.failure(run("faster", missing, reports));

        assertThat(failure).isInstanceOf(IOException.class)
                .hasMessageContaining("baseline " + missing.toAbsolutePath() + " could not be read");
        // the run's own measurements are not lost
        assertThat(reports.resolve(BaselineExamples.class.getName()).resolve("faster").resolve("result.json"))
                .exists();
    }
}
