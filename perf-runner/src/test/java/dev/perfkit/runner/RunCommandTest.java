package dev.perfkit.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.ExitCode;
import dev.perfkit.core.RunResult;
import dev.perfkit.report.Baselines;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code perfkit run} end to end, in process: test suites found by ServiceLoader, run for real
 * (2 users, 700 ms each) against a JDK HttpServer on loopback, reports written, summary printed,
 * exit codes.
 */
class RunCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldRunTheSuiteWriteItsReportsAndPassWhenTheTargetIsStartedByTheRunner() throws Exception {
        Path out = dir.resolve("results");

        Invocation run = Invocation.of("run", "smoke", "--target", "loopback", "--out", out.toString(),
                "--users", "3", "--ramp-up", "0s", "--seed", "42");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.PASS.code());
        for (String scenario : new String[] {"ping", "pong"}) {
            Path folder = out.resolve("smoke").resolve(scenario);
            assertThat(folder.resolve("result.json")).isRegularFile();
            assertThat(folder.resolve("report.html")).isRegularFile();
            assertThat(folder.resolve("junit.xml")).isRegularFile();
            assertThat(folder.resolve("summary.md")).isRegularFile();
            assertThat(folder.resolve("summary.txt")).isRegularFile();
            assertThat(folder.resolve("csv")).isDirectory();
            assertThat(run.out()).contains(folder.resolve("report.html").toString());
        }
        RunResult ping = Baselines.load(out.resolve("smoke/ping/result.json"));
        assertThat(ping.peakUsers()).as("--users overrides the suite's 2 users").isEqualTo(3);
        assertThat(ping.seed()).isEqualTo(42);
        assertThat(ping.total().count()).isPositive();
        assertThat(run.out())
                .contains("=== suite smoke ===", "--- smoke/ping ---", "GET /work", "verdict: PASS (environment dev)")
                .containsPattern("\\[ *\\d+\\.\\ds\\] smoke/ping \\| users +3 \\|")
                .containsPattern("smoke/pong +PASS +-> PASS")
                .endsWith("exit code 0 (PASS)" + System.lineSeparator());
        assertThat(run.out()).as("the target's JDBC URL holds a password").doesNotContain("secret");
    }

    @Test
    void shouldRunOnlyTheShardsPartWhenShardAndStartAtAreGiven() throws Exception {
        Path out = dir.resolve("shard");

        Invocation run = Invocation.of("run", "smoke", "--target", "loopback", "--out", out.toString(),
                "--users", "3", "--ramp-up", "0s", "--seed", "42", "--shard", "1/2",
                "--start-at", java.time.Instant.now().minusSeconds(5).toString(), "--format", "json,hdr-log");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.PASS.code());
        assertThat(run.out()).contains("shard 1/2", "starting at ");
        RunResult ping = Baselines.load(out.resolve("smoke/ping/result.json"));
        // users 1 and 3 go to shard 0/2, user 2 to shard 1/2
        assertThat(ping.peakUsers()).isEqualTo(1);
        assertThat(ping.description()).contains("shard 1/2");
        assertThat(ping.intervals().get(0).gauges()).as("the start was 5 s late: the lag is reported")
                .hasEntrySatisfying(dev.perfkit.core.RunOptions.START_LAG_GAUGE, lag -> assertThat(lag).isGreaterThan(4.0));
        // the interval logs a merge of shards needs for exact interval percentiles
        dev.perfkit.report.MergedResult merged = dev.perfkit.report.ShardMerge.merge(
                java.util.List.of(out.resolve("smoke/ping")), 1);
        assertThat(merged.exactIntervalPercentiles()).isTrue();
        assertThat(merged.result().total().count()).isEqualTo(ping.total().count());
        RunResult pong = Baselines.load(out.resolve("smoke/pong/result.json"));
        assertThat(pong.intervals().get(0).gauges()).as("only the first scenario waits for --start-at")
                .doesNotContainKey(dev.perfkit.core.RunOptions.START_LAG_GAUGE);
    }

    @Test
    void shouldExitThresholdCriticalAndRewriteOneProgressLineWhenOnATerminal() {
        Invocation run = Invocation.of(true, "run", "strict", "--target", "loopback", "--out", dir.toString(),
                "--format", "json,console");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.THRESHOLD_CRITICAL.code());
        assertThat(run.out()).contains("verdict: CRITICAL", "strict/impossible", "exit code 4 (THRESHOLD_CRITICAL)")
                .containsPattern("\r\\[ *\\d+\\.\\ds\\] strict/impossible");
        assertThat(dir.resolve("strict/impossible/result.json")).isRegularFile();
        assertThat(dir.resolve("strict/impossible/report.html")).as("only the formats asked for").doesNotExist();
    }

    @Test
    void shouldRunEverySuiteAndExitWithTheMostSeriousCodeWhenAllIsAsked() {
        Invocation run = Invocation.of("run", "all", "--target", "loopback", "--out", dir.toString(), "--quiet",
                "--format", "json");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.RUN_ERROR.code());
        assertThat(run.out()).doesNotContain("| users ")
                .containsPattern("broken/failing +\\w+ +-> RUN_ERROR")
                .containsPattern("smoke/ping +\\w+ +-> PASS")
                .containsPattern("smoke/pong +\\w+ +-> PASS")
                .containsPattern("strict/impossible +CRITICAL +-> THRESHOLD_CRITICAL")
                .contains("the task broke", "exit code 5 (RUN_ERROR)");
    }

    @Test
    void shouldExitRegressionWhenTheTargetIsSlowerThanTheSavedBaseline() throws Exception {
        Path baselines = dir.resolve("baselines");
        try (LoopbackServer server = new LoopbackServer()) {
            String host = server.baseUri().toString();
            Invocation first = Invocation.of("run", "smoke", "--host", host, "--out", dir.resolve("a").toString(),
                    "--format", "json", "--save-baseline", baselines.toString(), "--quiet");
            assertThat(first.code()).as(first.out() + first.err()).isEqualTo(ExitCode.PASS.code());
            assertThat(baselines.resolve("smoke/ping.json")).isRegularFile();

            server.delayMillis.set(5);
            Invocation slower = Invocation.of("run", "smoke", "--host", host, "--out", dir.resolve("b").toString(),
                    "--format", "json", "--baseline", baselines.toString(), "--quiet");

            assertThat(slower.code()).as(slower.out()).isEqualTo(ExitCode.REGRESSION.code());
            assertThat(slower.out()).contains("baseline: regression against the baseline", "exit code 3 (REGRESSION)")
                    .containsPattern("smoke/ping +PASS +regression +-> REGRESSION");
            assertThat(slower.out()).contains("target " + host);
            assertThat(Files.readString(dir.resolve("b/smoke/ping/result.json"))).contains("\"peakUsers\"");
        }
    }

    @Test
    void shouldRunAUserScenarioClassWithTheEnvironmentThresholdsWhenScenarioIsGiven() {
        Invocation run = Invocation.of("run", "--scenario", "dev.perfkit.runner.UserScenario", "--host",
                "http://127.0.0.1:9/", "--env", "staging", "--out", dir.toString(), "--format", "json", "--quiet");

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCode.PASS.code());
        assertThat(run.out()).contains("=== suite userscenario ===", "--- userscenario/user_scenario ---",
                "(environment staging)");
        assertThat(dir.resolve("userscenario/user_scenario/result.json")).isRegularFile();
    }
}
