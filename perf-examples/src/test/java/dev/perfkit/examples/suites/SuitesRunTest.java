package dev.perfkit.examples.suites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.ExitCode;
import dev.perfkit.core.RunResult;
import dev.perfkit.report.Baselines;
import dev.perfkit.report.ReportFormat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three example suites run through the runner in this JVM against the demo target it starts,
 * with short holds: each scenario runs, is judged and writes every report format.
 */
class SuitesRunTest {

    @TempDir
    Path dir;

    @Test
    void shouldListTheThreeSuitesAndTheDemoTargetWhenListIsAsked() {
        Runner list = Runner.run("list");

        assertThat(list.code()).as(list.printed()).isZero();
        assertThat(list.out()).containsPattern("(?m)^\\s*load\\b").containsPattern("(?m)^\\s*api\\b")
                .containsPattern("(?m)^\\s*db\\b").containsPattern("(?m)^\\s*demo\\b")
                .contains(new LoadSuite().description(), new ApiSuite().description(), new DbSuite().description(),
                        new DemoTarget().description());
    }

    @Test
    void shouldRunTheLoadSuiteAtTheSmokePresetAndJudgeItWhenTheDurationIsShortened() throws Exception {
        Runner run = Runner.run("run", "load", "--preset", "smoke", "--duration", "2s", "--ramp-up", "1s",
                "--seed", "7", "--out", dir.toString());

        assertJudged(run);
        assertReports("load", List.of(LoadSuite.SCENARIO));
        RunResult result = Baselines.load(dir.resolve("load/user-types/result.json"));
        assertThat(result.peakUsers()).as("the smoke preset's users").isEqualTo(5);
        assertThat(result.samples()).extracting(s -> s.name())
                .as("the first five users are one of each type and a second regular one")
                .contains("GET /health", "GET /auth/verify", "POST /reports", "GET /reports (mobile)", "GET /dashboard");
        assertThat(result.intervals()).last().satisfies(i -> assertThat(i.gauges())
                .containsKeys("sut.cpu", "sut.memory", "demo-db.active", "demo-db.waiting"));
        assertThat(run.out()).containsPattern("verdict: (PASS|WARNING|CRITICAL) \\(environment dev\\)");
    }

    @Test
    void shouldRunEveryApiScenarioAndJudgeItWhenTheDurationIsShortened() {
        Runner run = Runner.run("run", "api", "--duration", "1s", "--ramp-up", "0s", "--seed", "7", "--quiet",
                "--out", dir.toString());

        // The dev levels are 10 to 100 times what these scenarios measure on an idle 2-core machine
        // (p95 of 3 to 40 ms against 100 to 500 ms), but a 1-second scenario in a cold JVM on a busy
        // machine can miss them: the test asserts that every scenario ran and was judged, not how fast.
        assertJudged(run);
        assertReports("api", List.of("health", "auth-verify", "dashboard", "reports-list", "mixed", "scale-010",
                "scale-020", "scale-050", "scale-100", "errors"));
        assertThat(run.out()).containsPattern("api/scale-100 +\\w+ +-> (PASS|WARNING|CRITICAL)")
                .contains("p95(GET /auth/verify (bad token)) < 75 ms (warning), 100 ms (critical)");
    }

    @Test
    void shouldRunTheDatabaseKitAgainstTheDemoDatabaseAndJudgeItWhenTheDurationIsShortened() throws Exception {
        Runner run = Runner.run("run", "db", "--duration", "2s", "--seed", "7", "--quiet", "--out", dir.toString());

        assertJudged(run);
        assertReports("db", List.of("query-patterns", "concurrent-operations", "bulk-operations", "pool", "large-result"));
        RunResult concurrent = Baselines.load(dir.resolve("db/concurrent-operations/result.json"));
        assertThat(concurrent.total().count()).as("10 users x 50 operations").isEqualTo(500);
        RunResult large = Baselines.load(dir.resolve("db/large-result/result.json"));
        assertThat(large.sample("large result")).hasValueSatisfying(s -> {
            assertThat(s.count()).isEqualTo(1);
            assertThat(s.failures()).isZero();
        });
        RunResult bulk = Baselines.load(dir.resolve("db/bulk-operations/result.json"));
        assertThat(bulk.total().failures()).as("each step found the rows it expected").isZero();
    }

    /**
     * The runner ran every scenario and judged it: exit 0 or 4 (a threshold missed on a slow
     * machine), never a run error (5) or a usage error (2).
     */
    private static void assertJudged(Runner run) {
        assertThat(run.code()).as(run.printed()).isIn(ExitCode.PASS.code(), ExitCode.THRESHOLD_CRITICAL.code());
        assertThat(run.out()).as(run.printed()).doesNotContain("RUN_ERROR");
    }

    private void assertReports(String suite, List<String> scenarios) {
        for (String scenario : scenarios) {
            Path folder = dir.resolve(suite).resolve(scenario);
            for (ReportFormat format : ReportFormat.values()) {
                assertThat(folder.resolve(format.defaultName())).as(suite + "/" + scenario + " " + format).exists();
            }
        }
    }
}
