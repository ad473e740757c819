package dev.perfkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.SampleStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live interval logs: one histogram per interval, adding up exactly to the run's histograms. */
class HistogramLogListenerTest {

    @TempDir
    Path dir;

    @Test
    void shouldLogOneHistogramPerIntervalThatAddUpToTheResultWhenTheRunEnds() throws Exception {
        HistogramLogListener logs = HistogramLogListener.to(dir);
        Scenario scenario = Scenario.named("live").users(3).hold(Duration.ofMillis(350))
                .task(2, "fast, short", s -> LockSupport.parkNanos(1_000_000))
                .task(1, "slow/long", s -> LockSupport.parkNanos(3_000_000));

        RunResult result = LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(100))
                .addListener(logs).build());

        assertThat(logs.failure()).isEmpty();
        assertThat(logs.files()).hasSize(3).last().isEqualTo(dir.resolve("index.csv"));
        List<Map<String, String>> index = HdrLogReportTest.index(dir);
        assertThat(index).extracting(r -> r.get("File")).containsExactly("fast__short.hlog", "slow_long.hlog");
        for (Map<String, String> row : index) {
            SampleStats s = result.sample(row.get("Name")).orElseThrow();
            List<Histogram> logged = HdrLogReportTest.read(dir.resolve(row.get("File")));
            long intervalsWithName = result.intervals().stream().filter(i -> i.samples().containsKey(s.name())).count();
            assertThat(logged).hasSize((int) intervalsWithName);
            assertThat(HdrLogReportTest.sum(logged)).isEqualTo(s.responseTime().histogram());
            assertThat(logged).extracting(Histogram::getStartTimeStamp).isSorted();
            assertThat(row.get("Count")).isEqualTo(Long.toString(s.responseTime().count()));
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).extracting(p -> p.getFileName().toString()).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void shouldKeepTheLogsAndMarkThemIncompleteWhenTheRunFails() throws Exception {
        HistogramLogListener logs = HistogramLogListener.to(dir.resolve("failed"));
        AtomicLong calls = new AtomicLong();
        Scenario scenario = Scenario.named("failing").users(2).hold(Duration.ofSeconds(5))
                .task(1, "work", s -> {
                    LockSupport.parkNanos(1_000_000);
                    if (calls.incrementAndGet() == 80) {
                        throw new AssertionError("stop here");
                    }
                });

        RunResult result = LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(20))
                .addListener(logs).build());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        Path log = dir.resolve("failed").resolve("work.hlog");
        assertThat(logs.files()).contains(log);
        assertThat(Files.readAllLines(log)).last().asString().startsWith("#INCOMPLETE run: status FAILED");
        assertThat(HdrLogReportTest.sum(HdrLogReportTest.read(log)))
                .isEqualTo(result.sample("work").orElseThrow().responseTime().histogram());
    }

    @Test
    void shouldKeepTheErrorInsteadOfThrowingWhenTheFolderCannotBeWritten() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("taken"), "a file where the folder goes");
        HistogramLogListener logs = HistogramLogListener.to(notAFolder.resolve("hdr"));
        RunResult result = TestRuns.complete();
        IntervalStats interval = result.intervals().get(0);
        Histogram h = result.samples().get(0).responseTime().histogram();

        logs.onStart(Scenario.named("shop").users(1).hold(Duration.ofSeconds(1)).task(1, "t", s -> { }), 1);
        logs.onIntervalHistograms(interval, Map.of(result.samples().get(0).name(), h));
        logs.onEnd(result);

        assertThat(logs.failure()).isPresent();
        assertThat(logs.files()).isEmpty();
    }
}
