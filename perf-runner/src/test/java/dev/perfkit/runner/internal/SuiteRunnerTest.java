package dev.perfkit.runner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.Environment;
import dev.perfkit.core.ExitCode;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.RunListener;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.Scenario;
import dev.perfkit.report.ReportFormat;
import dev.perfkit.runner.Overrides;
import dev.perfkit.runner.Suite;
import dev.perfkit.runner.SuiteContext;
import dev.perfkit.runner.SuiteScenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteRunnerTest {

    @TempDir
    Path dir;

    @Test
    void shouldJudgeAndWriteTheRunningScenarioAndSkipTheRestWhenStopped() throws Exception {
        CountDownLatch measuring = new CountDownLatch(1);
        RunListener firstInterval = new RunListener() {
            @Override
            public void onInterval(IntervalStats interval) {
                measuring.countDown();
            }
        };
        Scenario long_ = Scenario.named("long").users(1).hold(Duration.ofSeconds(20))
                .task(1, "compute", session -> Math.sqrt(session.random().nextDouble()));
        Suite suite = new Suite() {
            @Override
            public String name() {
                return "s";
            }

            @Override
            public String description() {
                return "stopped by the test";
            }

            @Override
            public List<SuiteScenario> scenarios(SuiteContext context) {
                RunOptions options = RunOptions.custom().interval(Duration.ofMillis(50)).addListener(firstInterval).build();
                return List.of(SuiteScenario.of("first", long_, context.thresholds()).withOptions(options),
                        SuiteScenario.of("second", long_, context.thresholds()));
            }
        };
        SuiteContext context = new SuiteContext(URI.create("http://127.0.0.1:9/"), Optional.empty(), OptionalLong.empty(),
                Environment.DEV, 1, Overrides.none());
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        SuiteRunner runner = new SuiteRunner(new RunSettings(dir, List.of(ReportFormat.JSON), Optional.empty(),
                Optional.empty(), true, false), out);

        CompletableFuture<List<ScenarioOutcome>> running = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run(List.of(suite), context);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(measuring.await(10, TimeUnit.SECONDS)).isTrue();
        runner.stop();
        List<ScenarioOutcome> outcomes = running.get(15, TimeUnit.SECONDS);

        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0).result()).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.STOPPED);
            assertThat(r.total().count()).isPositive();
        });
        assertThat(outcomes.get(0).verdict()).isPresent();
        assertThat(dir.resolve("s/first/result.json")).isRegularFile();
        assertThat(outcomes.get(1).result()).isEmpty();
        assertThat(outcomes.get(1).notes()).containsExactly("not run: the run was stopped");
        assertThat(Summary.exitCode(outcomes)).isEqualTo(ExitCode.RUN_ERROR);
    }
}
