package dev.perfkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.LoadTest;
import dev.perfkit.core.Outcome;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.TaskFailure;
import dev.perfkit.core.Thresholds;
import dev.perfkit.core.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merging real shard outputs: three short in-process runs of one scenario, each written as a shard
 * folder (result.json and interval logs), with their start instants moved apart to test alignment.
 */
class ShardMergeTest {

    /** The interval length of the shard runs. */
    static final Duration INTERVAL = Duration.ofMillis(50);
    /** How far each shard's start is moved from the first's: 0, 2 and 5 intervals (plus a bit). */
    static final Duration[] OFFSETS = {Duration.ZERO, Duration.ofMillis(120), Duration.ofMillis(260)};
    static final int[] SHIFTS = {0, 2, 5};
    /** A sample name with a comma and quotes: the interval logs' index must be read back right. */
    static final String BROWSE = "browse \"items\"?a=1,b=2";

    @TempDir
    static Path dir;

    static final List<RunResult> shards = new ArrayList<>();
    static final List<Path> folders = new ArrayList<>();

    /** Runs the shards; the third one's task is slower (20 ms) so the union's p99 is not any one shard's. */
    @BeforeAll
    static void runShards() throws Exception {
        Instant base = Instant.parse("2026-01-01T10:00:00Z");
        for (int i = 0; i < 3; i++) {
            long parkNanos = i == 2 ? 20_000_000 : 1_000_000;
            AtomicLong calls = new AtomicLong();
            Scenario scenario = Scenario.named("shop").users(2).hold(Duration.ofMillis(300)).seed(i)
                    .task(3, BROWSE, s -> LockSupport.parkNanos(parkNanos))
                    .task(1, "buy", s -> {
                        LockSupport.parkNanos(parkNanos);
                        if (calls.incrementAndGet() % 4 == 0) {
                            throw new TaskFailure("http_500", "status 500");
                        }
                    });
            Path folder = dir.resolve("shard-" + i);
            HistogramLogListener logs = HistogramLogListener.to(folder.resolve(ShardMerge.INTERVAL_LOGS));
            RunResult run = LoadTest.run(scenario, RunOptions.custom().interval(INTERVAL).addListener(logs).build());
            assertThat(logs.failure()).isEmpty();
            RunResult moved = startAt(run, base.plus(OFFSETS[i]));
            ResultJson.write(moved, Optional.empty(), folder.resolve(ShardMerge.RESULT_FILE));
            shards.add(moved);
            folders.add(folder);
        }
    }

    @Test
    void shouldSumCountsAndGiveThePercentilesOfTheUnionWhenAllShardsAreMerged() throws Exception {
        MergedResult merged = ShardMerge.merge(folders, 3);

        RunResult r = merged.result();
        assertThat(merged.partial()).isFalse();
        assertThat(merged.shards()).extracting(ShardOutcome::status).containsOnly(ShardStatus.OK);
        assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(r.total().count()).isEqualTo(shards.stream().mapToLong(s -> s.total().count()).sum());
        assertThat(r.total().failures()).isEqualTo(shards.stream().mapToLong(s -> s.total().failures()).sum());
        assertThat(r.iterations()).isEqualTo(shards.stream().mapToLong(RunResult::iterations).sum());
        Histogram union = union(shards.stream().map(s -> s.total().responseTime().histogram()).toList());
        assertThat(r.total().responseTime().p99Nanos()).isEqualTo(union.getValueAtPercentile(99));
        assertThat(r.total().responseTime().histogram()).isEqualTo(union);
        for (String name : List.of(BROWSE, "buy")) {
            Histogram u = union(shards.stream().map(s -> s.sample(name).orElseThrow().responseTime().histogram()).toList());
            assertThat(r.sample(name).orElseThrow().responseTime().p99Nanos()).isEqualTo(u.getValueAtPercentile(99));
            assertThat(r.sample(name).orElseThrow().count())
                    .isEqualTo(shards.stream().mapToLong(s -> s.sample(name).orElseThrow().count()).sum());
        }
        long http500 = shards.stream().mapToLong(s -> s.sample("buy").orElseThrow().failures()).sum();
        assertThat(r.sample("buy").orElseThrow().failureSummaries()).singleElement()
                .satisfies(f -> assertThat(f.count()).isEqualTo(http500));
        assertThat(r.start()).isEqualTo(shards.get(0).start());
        assertThat(r.end()).isEqualTo(shards.stream().map(RunResult::end).max(Instant::compareTo).orElseThrow());
        assertThat(merged.startSpread()).isEqualTo(OFFSETS[2]);
    }

    @Test
    void shouldAlignIntervalsOnWallClockAndUseTheLogsWhenShardsStartedApart() throws Exception {
        MergedResult merged = ShardMerge.merge(folders, 3);

        List<IntervalStats> intervals = merged.result().intervals();
        assertThat(merged.exactIntervalPercentiles()).isTrue();
        assertThat(intervals).extracting(IntervalStats::length).containsOnly(INTERVAL);
        for (int k = 0; k < intervals.size(); k++) {
            assertThat(intervals.get(k).index()).isEqualTo(k);
            assertThat(intervals.get(k).start()).isEqualTo(INTERVAL.multipliedBy(k));
            long expected = 0;
            List<Histogram> logged = new ArrayList<>();
            for (int i = 0; i < shards.size(); i++) {
                int shardIndex = k - SHIFTS[i];
                if (shardIndex >= 0 && shardIndex < shards.get(i).intervals().size()) {
                    expected += shards.get(i).intervals().get(shardIndex).samples().getOrDefault(BROWSE, EMPTY).count();
                    logged.addAll(loggedAt(i, BROWSE, shardIndex));
                }
            }
            IntervalStats.Interval browse = intervals.get(k).samples().getOrDefault(BROWSE, EMPTY);
            assertThat(browse.count()).as("interval %d", k).isEqualTo(expected);
            if (!logged.isEmpty()) {
                assertThat(browse.p99Nanos()).as("interval %d", k).isEqualTo(union(logged).getValueAtPercentile(99));
            }
        }
        assertThat(intervals.stream().mapToLong(i -> i.total().count()).sum())
                .isEqualTo(merged.result().total().count());
    }

    @Test
    void shouldListMissingAndFailedShardsAndMarkThePartialResultWhenShardsAreLost() throws Exception {
        Path failed = dir.resolve("failed-shard");
        RunResult crashed = withStatus(shards.get(1), RunStatus.FAILED, "error: java.lang.OutOfMemoryError");
        ResultJson.write(crashed, Optional.empty(), failed.resolve(ShardMerge.RESULT_FILE));

        MergedResult merged = ShardMerge.merge(List.of(folders.get(0), dir.resolve("never-written"), failed), 4);

        assertThat(merged.partial()).isTrue();
        assertThat(merged.shards()).extracting(ShardOutcome::status)
                .containsExactly(ShardStatus.OK, ShardStatus.MISSING, ShardStatus.FAILED, ShardStatus.MISSING);
        assertThat(merged.shards().get(1).reason()).contains("never-written").contains("does not exist");
        assertThat(merged.shards().get(2).reason()).contains("OutOfMemoryError");
        assertThat(merged.result().total().count()).isEqualTo(shards.get(0).total().count());
        assertThat(merged.result().status()).isEqualTo(RunStatus.FAILED);
        assertThat(merged.result().stopReason()).startsWith("partial: 3 of 4 shards not complete")
                .contains("shard 1 MISSING").contains("shard 2 FAILED").contains("shard 3 MISSING");

        Path out = dir.resolve("merged-partial");
        merged.writeReports(out, Optional.empty(), ReportFormat.JSON, ReportFormat.MARKDOWN);
        ResultDocument doc = ResultJson.read(out.resolve("result.json"));
        assertThat(doc.labels()).containsEntry("merge.partial", "true").containsEntry("merge.missing", "2")
                .containsEntry("merge.failed", "1").containsEntry("merge.shards", "4")
                .containsEntry("merge.startSpread", "PT0S");
        assertThat(doc.complete()).isFalse();
        assertThat(Files.readString(out.resolve("summary.md"))).contains("partial: 3 of 4 shards");
    }

    @Test
    void shouldEvaluateThresholdsOnTheMergedResultWhenShardsAreMerged() throws Exception {
        MergedResult merged = ShardMerge.merge(folders, 3);
        Thresholds thresholds = Thresholds.none().p99().below(Duration.ofMillis(10));

        Verdict verdict = merged.evaluate(thresholds);

        // the slow shard holds more than 1 % of all samples and each of them takes at least 20 ms
        assertThat(verdict.outcome()).isEqualTo(Outcome.CRITICAL);
        assertThat(verdict.rules()).singleElement().satisfies(rule -> assertThat(rule.observed())
                .isGreaterThanOrEqualTo(20.0));
        Path out = dir.resolve("merged-verdict");
        merged.writeReports(out, Optional.of(verdict), ReportFormat.JSON, ReportFormat.JUNIT_XML);
        ResultDocument doc = ResultJson.read(out.resolve("result.json"));
        assertThat(doc.verdict()).contains(verdict);
        assertThat(doc.labels()).containsEntry("merge.partial", "false").containsEntry("merge.intervalPercentiles", "exact");
        assertThat(out.resolve("junit.xml")).exists();
    }

    @Test
    void shouldRejectBadArgumentsAndFailWhenNoShardCanBeMerged() {
        assertThatThrownBy(() -> ShardMerge.merge(folders, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shardMerge: expectedShards must be >= 1, was 0");
        assertThatThrownBy(() -> ShardMerge.merge(folders, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shardMerge: outputs must be at most expectedShards (2), was 3");
        assertThatThrownBy(() -> ShardMerge.merge(List.of(folders.get(0), folders.get(0).resolve("..").resolve("shard-0")), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("shardMerge: outputs[1] repeats outputs[0], was ");
        assertThatThrownBy(() -> ShardMerge.merge(List.of(dir.resolve("nothing")), 2)).isInstanceOf(IOException.class)
                .hasMessageContaining("shard 0 MISSING").hasMessageContaining("shard 1 MISSING");
    }

    private static final IntervalStats.Interval EMPTY = new IntervalStats.Interval(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Returns the histogram a shard logged for a name in one of its intervals, if any: the listener
     * writes one per interval that lists the name, in order.
     */
    private static List<Histogram> loggedAt(int shard, String name, int interval) throws Exception {
        Path logs = folders.get(shard).resolve(ShardMerge.INTERVAL_LOGS);
        String file = HdrLogReportTest.index(logs).stream().filter(r -> r.get("Name").equals(name))
                .map(r -> r.get("File")).findFirst().orElseThrow();
        List<Histogram> logged = HdrLogReportTest.read(logs.resolve(file));
        List<Integer> withName = shards.get(shard).intervals().stream().filter(i -> i.samples().containsKey(name))
                .map(IntervalStats::index).toList();
        assertThat(logged).hasSameSizeAs(withName);
        int j = withName.indexOf(interval);
        return j < 0 ? List.of() : List.of(logged.get(j));
    }

    private static Histogram union(List<Histogram> histograms) {
        Histogram u = histograms.get(0).copy();
        u.setAutoResize(true);
        histograms.subList(1, histograms.size()).forEach(u::add);
        return u;
    }

    private static RunResult startAt(RunResult r, Instant start) {
        return new RunResult(r.scenario(), r.description(), r.model(), r.seed(), r.status(), r.stopReason(), start,
                start.plus(r.duration()), r.duration(), r.total(), r.samples(), r.intervals(), r.iterations(),
                r.dropped(), r.peakUsers(), r.error());
    }

    private static RunResult withStatus(RunResult r, RunStatus status, String error) {
        return new RunResult(r.scenario(), r.description(), r.model(), r.seed(), status, error, r.start(), r.end(),
                r.duration(), r.total(), r.samples(), r.intervals(), r.iterations(), r.dropped(), r.peakUsers(), error);
    }
}
