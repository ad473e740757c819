package dev.perfkit.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.perfkit.core.RunResult;
import dev.perfkit.report.MergedResult;
import dev.perfkit.report.ResultDocument;
import dev.perfkit.report.ResultJson;
import dev.perfkit.report.ShardMerge;
import dev.perfkit.report.ShardStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A distributed run with real processes: 4 child JVMs each run {@code perfkit run --scenario
 * ShardedHttpScenario --shard i/4 --start-at T} against a server on 127.0.0.1 in this JVM, and
 * their outputs are merged in this JVM ({@link ShardMerge}) and by {@code perfkit merge}.
 */
class DistributedRunTest {

    private static final int SHARDS = 4;
    /** Time for the children's JVMs to come up before the agreed start. */
    private static final Duration LEAD = Duration.ofSeconds(4);

    @TempDir
    Path dir;

    @Test
    void shouldMergeFourShardProcessesExactlyWhenEveryShardCompletes() throws Exception {
        int seconds = 20;
        long expected = (long) ShardedHttpScenario.RATE_PER_SECOND * seconds;
        try (ShardCountingServer server = new ShardCountingServer(SHARDS, Long.MAX_VALUE)) {
            ShardProcesses shards = ShardProcesses.start(dir, server.baseUri(), seconds, SHARDS, Instant.now().plus(LEAD));
            try {
                for (int i = 0; i < SHARDS; i++) {
                    assertThat(shards.await(i, Duration.ofSeconds(seconds + 60))).as(shards.log(i)).isZero();
                }
            } finally {
                shards.destroy();
            }

            List<RunResult> parts = new ArrayList<>();
            for (Path folder : shards.folders()) {
                parts.add(ResultJson.read(folder.resolve(ShardMerge.RESULT_FILE)).result());
            }
            MergedResult merged = ShardMerge.merge(shards.folders(), SHARDS);
            RunResult all = merged.result();

            assertThat(merged.partial()).isFalse();
            assertThat(merged.shards()).allSatisfy(s -> assertThat(s.status()).isEqualTo(ShardStatus.OK));
            long sumOfShards = parts.stream().mapToLong(r -> r.total().count()).sum();
            assertThat(all.total().count()).isEqualTo(sumOfShards);
            assertThat(all.total().failures()).isZero();
            // Every scheduled arrival either ran or was counted as dropped: 2,000/s for 20 s in total.
            assertThat(all.total().count() + all.dropped()).isEqualTo(expected);
            assertThat(all.dropped()).as("dropped arrivals").isLessThanOrEqualTo(expected / 100);
            // Each shard sent exactly what it recorded: the server saw the same counts.
            for (int i = 0; i < SHARDS; i++) {
                assertThat(server.requests(i)).isEqualTo(parts.get(i).total().count());
            }

            // The merged throughput is the merged count over the merged span, earliest shard start
            // to latest shard end: 20 s plus the start spread plus the last requests' tail.
            double span = Duration.between(all.start(), all.end()).toNanos() / 1e9;
            assertThat(all.total().throughput()).isCloseTo(all.total().count() / span, withinPercentage(0.01));
            assertThat(all.total().throughput()).isCloseTo(ShardedHttpScenario.RATE_PER_SECOND, withinPercentage(1));

            // Percentiles of the merge are those of the union of the shards' raw histograms.
            Histogram union = parts.get(0).total().responseTime().histogram();
            for (RunResult part : parts.subList(1, SHARDS)) {
                union.add(part.total().responseTime().histogram());
            }
            assertThat(all.total().responseTime().p99Nanos()).isEqualTo(union.getValueAtPercentile(99));
            assertThat(all.total().responseTime().count()).isEqualTo(union.getTotalCount());

            System.out.printf("4 shard processes, 2,000/s for 20 s: merged count %d, dropped %d, span %.3f s, "
                            + "throughput %.1f/s, start spread %d ms, p50 %.2f ms, p99 %.2f ms, shard counts %s%n",
                    all.total().count(), all.dropped(), span, all.total().throughput(), merged.startSpread().toMillis(),
                    all.total().responseTime().p50Nanos() / 1e6, all.total().responseTime().p99Nanos() / 1e6,
                    parts.stream().map(r -> r.total().count()).toList());

            Path rules = writeRules();
            Path out = dir.resolve("merged");
            Invocation merge = Invocation.of(command(rules, out, shards.folders()));
            assertThat(merge.code()).as(merge.out() + merge.err()).isZero();
            ResultDocument written = ResultJson.read(out.resolve("result.json"));
            assertThat(written.result().total().count()).isEqualTo(sumOfShards);
            assertThat(written.result().total().responseTime().p99Nanos()).isEqualTo(union.getValueAtPercentile(99));
            assertThat(written.labels()).containsEntry("merge.partial", "false").containsEntry("merge.merged", "4");
        }
    }

    @Test
    void shouldReportTheKilledShardMissingAndMergeTheOthersWhenAShardIsKilledMidRun() throws Exception {
        int seconds = 6;
        int killed = 3;
        long perShard = (long) ShardedHttpScenario.RATE_PER_SECOND * seconds / SHARDS;
        try (ShardCountingServer server = new ShardCountingServer(SHARDS, perShard / 2)) {
            ShardProcesses shards = ShardProcesses.start(dir, server.baseUri(), seconds, SHARDS, Instant.now().plus(LEAD));
            long sentBeforeKill;
            try {
                assertThat(server.awaitRequests(killed, LEAD.plusSeconds(seconds + 30)))
                        .as("shard %d half-way: %s", killed, shards.log(killed)).isTrue();
                sentBeforeKill = server.requests(killed);
                shards.process(killed).destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no result written
                assertThat(shards.process(killed).waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(shards.process(killed).exitValue()).isEqualTo(128 + 9);
                assertThat(sentBeforeKill).isLessThan(perShard);
                for (int i = 0; i < SHARDS; i++) {
                    if (i != killed) {
                        assertThat(shards.await(i, Duration.ofSeconds(seconds + 60))).as(shards.log(i)).isZero();
                    }
                }
            } finally {
                shards.destroy();
            }

            MergedResult merged = ShardMerge.merge(shards.folders(), SHARDS);
            RunResult all = merged.result();

            assertThat(merged.partial()).isTrue();
            assertThat(merged.shards()).extracting(s -> s.status())
                    .containsExactly(ShardStatus.OK, ShardStatus.OK, ShardStatus.OK, ShardStatus.MISSING);
            assertThat(merged.shards(ShardStatus.MISSING).get(0).index()).isEqualTo(killed);
            assertThat(all.stopReason()).startsWith("partial: 1 of 4 shards not complete: shard 3 MISSING");
            assertThat(merged.labels()).containsEntry("merge.partial", "true").containsEntry("merge.missing", "1")
                    .containsEntry("merge.merged", "3").containsEntry("merge.shard.0", "OK")
                    .hasEntrySatisfying("merge.shard.3", v -> assertThat(v).startsWith("MISSING"));
            long sumOfThree = 0;
            for (int i = 0; i < SHARDS; i++) {
                if (i != killed) {
                    RunResult part = ResultJson.read(shards.folders().get(i).resolve(ShardMerge.RESULT_FILE)).result();
                    sumOfThree += part.total().count();
                    assertThat(part.total().count() + part.dropped()).isEqualTo(perShard);
                }
            }
            assertThat(all.total().count()).isEqualTo(sumOfThree);

            Invocation merge = Invocation.of(command(writeRules(), dir.resolve("merged"), shards.folders()));
            assertThat(merge.code()).as(merge.out() + merge.err()).isEqualTo(5);
            assertThat(merge.out()).contains("shard 0 OK", "shard 1 OK", "shard 2 OK", "shard 3 MISSING");

            System.out.printf("shard 3 killed after %d of its %d requests; merged %d from 3 shards; %s%n",
                    sentBeforeKill, perShard, all.total().count(), all.stopReason());
        }
    }

    private Path writeRules() throws IOException {
        return Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - total: true
                    statistic: errorRate
                    below: 1%
                """);
    }

    private static String[] command(Path rules, Path out, List<Path> folders) {
        List<String> args = new ArrayList<>(List.of("merge", "--expected", String.valueOf(SHARDS),
                "--thresholds", rules.toString(), "-o", out.toString(), "-f", "json"));
        folders.forEach(f -> args.add(f.toString()));
        return args.toArray(String[]::new);
    }
}
