package dev.perfkit.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Scenario;
import dev.perfkit.report.ResultDocument;
import dev.perfkit.report.ResultJson;
import dev.perfkit.report.ShardMerge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code perfkit merge}: shard folders of two real, short runs merged, judged and reported. */
class MergeCommandTest {

    @TempDir
    static Path dir;

    static long totalCount;

    @BeforeAll
    static void writeShards() throws Exception {
        for (int i = 0; i < 2; i++) {
            Scenario scenario = Scenario.named("merge-me").users(2).hold(Duration.ofMillis(200)).seed(i)
                    .task(1, "work", s -> LockSupport.parkNanos(1_000_000));
            RunResult result = LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(50)).build());
            ResultJson.write(result, Optional.empty(), dir.resolve("shard-" + i).resolve(ShardMerge.RESULT_FILE));
            totalCount += result.total().count();
        }
        Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - total: true
                    statistic: errorRate
                    below: 50%
                """);
    }

    @Test
    void shouldMergeJudgeAndWriteReportsWhenEveryShardIsThere() throws Exception {
        Path out = dir.resolve("merged-all");

        Invocation merge = Invocation.of("merge", "--expected", "2", "--thresholds", dir.resolve("rules.yaml").toString(),
                "-o", out.toString(), "-f", "json,markdown", dir.resolve("shard-0").toString(),
                dir.resolve("shard-1").toString());

        assertThat(merge.code()).as(merge.out() + merge.err()).isZero();
        assertThat(merge.out()).contains("shard 0 OK", "shard 1 OK", "shard start spread: ");
        ResultDocument doc = ResultJson.read(out.resolve("result.json"));
        assertThat(doc.result().total().count()).isEqualTo(totalCount);
        assertThat(doc.labels()).containsEntry("merge.partial", "false").containsEntry("merge.shards", "2");
        assertThat(doc.verdict()).isPresent();
        assertThat(out.resolve("summary.md")).exists();
    }

    @Test
    void shouldListTheMissingShardAndExitWithARunErrorWhenAShardIsMissing() throws Exception {
        Path out = dir.resolve("merged-partial");

        Invocation merge = Invocation.of("merge", "--expected", "3", "--thresholds", dir.resolve("rules.yaml").toString(),
                "-o", out.toString(), "-f", "json", dir.resolve("shard-0").toString(), dir.resolve("shard-1").toString());

        assertThat(merge.code()).isEqualTo(5);
        assertThat(merge.out()).contains("shard 2 MISSING: no output given for this shard");
        ResultDocument doc = ResultJson.read(out.resolve("result.json"));
        assertThat(doc.labels()).containsEntry("merge.partial", "true").containsEntry("merge.missing", "1");
        assertThat(doc.result().stopReason()).startsWith("partial: 1 of 3 shards not complete");
        assertThat(doc.result().total().count()).isEqualTo(totalCount);
    }

    @Test
    void shouldGiveAUsageErrorWhenFewerShardsAreExpectedThanGiven() {
        Invocation merge = Invocation.of("merge", "--expected", "1", dir.resolve("shard-0").toString(),
                dir.resolve("shard-1").toString());

        assertThat(merge.code()).isEqualTo(Main.USAGE);
        assertThat(merge.err()).contains("--expected must be >= the 2 folders given, was 1");
    }
}
