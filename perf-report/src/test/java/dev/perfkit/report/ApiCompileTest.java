package dev.perfkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfkit.core.RunResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls the public methods of perf-report that the behaviour suites leave out, so that the API's
 * shape is checked at compile time and each call does what its name says.
 */
class ApiCompileTest {

    @TempDir
    Path dir;

    @Test
    void shouldNameEveryFormatsDefaultFileAndWhetherItIsAFolder() {
        assertThat(Arrays.stream(ReportFormat.values()).map(ReportFormat::defaultName))
                .containsExactly("result.json", "csv", "report.html", "junit.xml", "summary.md", "hdr", "summary.txt");
        assertThat(Arrays.stream(ReportFormat.values()).filter(ReportFormat::isFolder))
                .containsExactly(ReportFormat.CSV, ReportFormat.HDR_LOG);
    }

    @Test
    void shouldWriteAJudgedBaselineAndAStreamWithTheCurrentEnvironment() throws Exception {
        RunResult result = TestRuns.complete();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ResultJson.write(result, Optional.of(TestRuns.verdict()), out);
        Path baseline = Baselines.save(result, TestRuns.verdict(), dir.resolve("baseline.json"));

        ResultDocument fromStream = ResultJson.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(fromStream.environment()).isEqualTo(ResultJson.read(baseline).environment());
        assertThat(fromStream.verdict()).contains(TestRuns.verdict());
        assertThat(fromStream.complete()).isTrue();
        assertThat(ResultJson.read(baseline).verdict()).contains(TestRuns.verdict());
        RunEnvironment here = RunEnvironment.current();
        assertThat(here.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(here.javaVersion()).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(here.perfkitVersion()).isNotBlank();
    }

    @Test
    void shouldWriteAndReadLabelsWhenADocumentCarriesThem() throws Exception {
        ResultDocument labelled = ResultDocument.of(TestRuns.complete(), Optional.empty(), RunEnvironment.current(),
                Map.of("build", "1234"));

        Path file = ResultJson.write(labelled, dir.resolve("labelled.json"));

        assertThat(labelled.labels()).containsExactly(Map.entry("build", "1234"));
        assertThat(ResultJson.read(file).labels()).isEqualTo(labelled.labels());
    }

    @Test
    void shouldTellItsFolderBeforeAnyRun() {
        HistogramLogListener logs = HistogramLogListener.to(dir);

        assertThat(logs.folder()).isEqualTo(dir);
        assertThat(logs.files()).isEmpty();
        assertThat(logs.failure()).isEmpty();
    }

    @Test
    void shouldDescribeShardsAndCheckAMergedResultsFieldsWhenBuiltByHand() throws Exception {
        ShardOutcome ok = new ShardOutcome(0, "shard-0", ShardStatus.OK, "", Optional.of(TestRuns.complete().start()));
        ShardOutcome lost = new ShardOutcome(1, "shard-1", ShardStatus.MISSING, "shard-1 does not exist", Optional.empty());

        MergedResult merged = new MergedResult(TestRuns.complete(), List.of(ok, lost), Duration.ZERO, false);

        assertThat(ok.merged()).isTrue();
        assertThat(lost.merged()).isFalse();
        assertThat(lost.describe()).isEqualTo("shard 1 MISSING: shard-1 does not exist");
        assertThat(ok.describe()).isEqualTo("shard 0 OK");
        assertThat(merged.expectedShards()).isEqualTo(2);
        assertThat(merged.shards(ShardStatus.MISSING)).containsExactly(lost);
        assertThat(merged.document(Optional.empty()).labels()).containsEntry(MergedResult.LABEL_PREFIX + "shard.1",
                "MISSING: shard-1 does not exist").containsEntry("merge.intervalPercentiles", "worst-shard");
        assertThatThrownBy(() -> new ShardOutcome(-1, "x", ShardStatus.OK, "", Optional.empty()))
                .hasMessage("shardOutcome: index must be >= 0, was -1");
        assertThatThrownBy(() -> new MergedResult(TestRuns.complete(), List.of(), Duration.ZERO, true))
                .hasMessage("mergedResult: shards must not be empty");
        assertThatThrownBy(() -> new MergedResult(TestRuns.complete(), List.of(ok), Duration.ofMillis(-1), true))
                .hasMessage("mergedResult: startSpread must be >= 0, was PT-0.001S");
        assertThatThrownBy(() -> merged.writeReports(dir, Optional.empty()))
                .hasMessage("mergedResult.writeReports: formats must not be empty");
    }
}
