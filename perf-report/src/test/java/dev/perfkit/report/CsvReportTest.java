package dev.perfkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV files parsed back by a real CSV parser (Jackson's) hold the result's figures and names. */
class CsvReportTest {

    @TempDir
    Path dir;

    private static List<Map<String, String>> parse(Path file) throws Exception {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            return rows.readAll();
        }
    }

    @Test
    void shouldWriteOneStatsRowPerNameAndTheAggregatedRowWhenNamesNeedQuoting() throws Exception {
        RunResult result = TestRuns.complete();
        List<Path> files = Reports.csv().write(result, dir);

        List<Map<String, String>> stats = parse(dir.resolve("stats.csv"));

        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("stats.csv", "stats_history.csv", "failures.csv", "gauges_history.csv", "run.csv");
        assertThat(stats).extracting(r -> r.get("Name"))
                .containsExactly(TestRuns.COMMA, TestRuns.QUOTE, TestRuns.MARKUP, "Aggregated");
        for (SampleStats s : result.samples()) {
            Map<String, String> row = stats.stream().filter(r -> r.get("Name").equals(s.name())).findFirst().orElseThrow();
            assertThat(row.get("Type")).isEqualTo("task");
            assertThat(row.get("Request Count")).isEqualTo(Long.toString(s.count()));
            assertThat(row.get("Failure Count")).isEqualTo(Long.toString(s.failures()));
            assertThat(Double.parseDouble(row.get("95%"))).isEqualTo(s.responseTime().p95Nanos() / 1e6, within());
            assertThat(Double.parseDouble(row.get("100%"))).isEqualTo(s.responseTime().maxNanos() / 1e6, within());
        }
        Map<String, String> aggregated = stats.get(stats.size() - 1);
        assertThat(aggregated.get("Type")).isEmpty();
        assertThat(aggregated.get("Request Count")).isEqualTo(Long.toString(result.total().count()));
        assertThat(aggregated.keySet()).contains("Median Response Time", "Average Response Time", "Requests/s",
                "Failures/s", "50%", "66%", "99.9%", "99.99%").doesNotContain("Average Content Size");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        // Values are printed in ms with 3 decimals.
        return org.assertj.core.data.Offset.offset(0.0005);
    }

    @Test
    void shouldWriteTheTimeSeriesWhoseAggregatedCountsAddUpToTheTotal() throws Exception {
        RunResult result = TestRuns.complete();
        Reports.csv().write(result, dir);

        List<Map<String, String>> history = parse(dir.resolve("stats_history.csv"));

        List<Map<String, String>> aggregated = history.stream().filter(r -> r.get("Name").equals("Aggregated")).toList();
        assertThat(aggregated).hasSize(result.intervals().size());
        assertThat(aggregated.stream().mapToLong(r -> Long.parseLong(r.get("Request Count"))).sum())
                .isEqualTo(result.total().count());
        long quoted = history.stream().filter(r -> r.get("Name").equals(TestRuns.QUOTE))
                .mapToLong(r -> Long.parseLong(r.get("Failure Count"))).sum();
        assertThat(quoted).isEqualTo(result.sample(TestRuns.QUOTE).orElseThrow().failures());
        IntervalStats first = result.intervals().get(0);
        long endMillis = result.start().plus(first.start()).plus(first.length()).toEpochMilli();
        assertThat(Double.parseDouble(history.get(0).get("Timestamp")) * 1000).isEqualTo(endMillis, within1());
    }

    private static org.assertj.core.data.Offset<Double> within1() {
        return org.assertj.core.data.Offset.offset(0.5);
    }

    @Test
    void shouldWriteEachFailureMessageWithItsCountWhenMessagesHoldCommasQuotesAndLineBreaks() throws Exception {
        RunResult result = TestRuns.complete();
        Reports.csv().write(result, dir);

        List<Map<String, String>> failures = parse(dir.resolve("failures.csv"));

        long expected = result.sample(TestRuns.QUOTE).orElseThrow().failures();
        assertThat(expected).isPositive();
        assertThat(failures).singleElement().satisfies(row -> {
            assertThat(row.get("Name")).isEqualTo(TestRuns.QUOTE);
            assertThat(row.get("Category")).isEqualTo(TestRuns.CATEGORY);
            assertThat(row.get("Error")).isEqualTo(TestRuns.MESSAGE);
            assertThat(row.get("Occurrences")).isEqualTo(Long.toString(expected));
        });
    }

    @Test
    void shouldWriteGaugesWithEmptyCellsForNaNWhenGaugesWereSampled() throws Exception {
        RunResult result = TestRuns.complete();
        Reports.csv().write(result, dir);

        List<Map<String, String>> gauges = parse(dir.resolve("gauges_history.csv"));

        assertThat(gauges).hasSize(result.intervals().size());
        assertThat(gauges).extracting(r -> r.get("sut.up")).containsOnly("");
        assertThat(gauges).extracting(r -> Double.parseDouble(r.get("jvm.threads")))
                .isEqualTo(result.intervals().stream().map(i -> i.gauges().get("jvm.threads")).toList());
    }

    @Test
    void shouldMarkTheRunIncompleteWhenItFailed() throws Exception {
        RunResult failed = TestRuns.failed();
        Reports.csv().write(failed, Optional.empty(), dir);

        Map<String, String> run = new java.util.HashMap<>();
        parse(dir.resolve("run.csv")).forEach(r -> run.put(r.get("Field"), r.get("Value")));

        assertThat(run).containsEntry("Complete", "false").containsEntry("Status", "FAILED")
                .containsEntry("Error", failed.error()).containsEntry("Verdict", "");
        assertThat(Files.readString(dir.resolve("stats.csv"))).contains("\r\n");
    }
}
