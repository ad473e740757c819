package dev.perfkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logs are read back by HdrHistogram's own HistogramLogReader and merge exactly. */
class HdrLogReportTest {

    @TempDir
    Path dir;

    static List<Map<String, String>> index(Path folder) throws Exception {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(folder.resolve("index.csv").toFile())) {
            return rows.readAll();
        }
    }

    static List<Histogram> read(Path log) throws Exception {
        List<Histogram> intervals = new ArrayList<>();
        HistogramLogReader reader = new HistogramLogReader(log.toFile());
        try {
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                intervals.add((Histogram) h);
            }
        } finally {
            reader.close();
        }
        return intervals;
    }

    static Histogram sum(List<Histogram> histograms) {
        Histogram sum = new Histogram(1_000, 3_600_000_000_000L, 2);
        histograms.forEach(sum::add);
        return sum;
    }

    @Test
    void shouldWriteOneLogPerNameThatHdrHistogramReadsBackWithTheResultsCounts() throws Exception {
        RunResult result = TestRuns.complete();

        List<Path> files = Reports.hdrLog().write(result, dir);

        List<Map<String, String>> index = index(dir);
        assertThat(files).hasSize(result.samples().size() + 1).last().isEqualTo(dir.resolve("index.csv"));
        assertThat(index).extracting(r -> r.get("Name"))
                .containsExactlyElementsOf(result.samples().stream().map(SampleStats::name).toList());
        for (Map<String, String> row : index) {
            SampleStats s = result.sample(row.get("Name")).orElseThrow();
            List<Histogram> logged = read(dir.resolve(row.get("File")));
            assertThat(logged).singleElement().satisfies(h -> {
                assertThat(h).isEqualTo(s.responseTime().histogram());
                assertThat(h.getStartTimeStamp()).isEqualTo(result.start().toEpochMilli());
            });
            assertThat(row.get("Count")).isEqualTo(Long.toString(s.responseTime().count()));
            assertThat(row.get("Type")).isEqualTo("task");
        }
    }

    @Test
    void shouldMergeExactlyWhenTheLogsOfTwoShardsAreAdded() throws Exception {
        RunResult a = TestRuns.complete();
        RunResult b = TestRuns.shard();
        Reports.hdrLog().write(a, dir.resolve("a"));
        Reports.hdrLog().write(b, dir.resolve("b"));

        List<Histogram> logged = new ArrayList<>(read(dir.resolve("a").resolve(index(dir.resolve("a")).get(0).get("File"))));
        logged.addAll(read(dir.resolve("b").resolve(index(dir.resolve("b")).get(0).get("File"))));

        Histogram expected = sum(List.of(a.sample(TestRuns.COMMA).orElseThrow().responseTime().histogram(),
                b.sample(TestRuns.COMMA).orElseThrow().responseTime().histogram()));
        assertThat(sum(logged)).isEqualTo(expected);
        assertThat(sum(logged).getValueAtPercentile(99)).isEqualTo(expected.getValueAtPercentile(99));
    }

    @Test
    void shouldMarkEveryLogIncompleteWhenTheRunFailed() throws Exception {
        RunResult failed = TestRuns.failed();

        Reports.hdrLog().write(failed, dir);

        Path log = dir.resolve(index(dir).get(0).get("File"));
        assertThat(Files.readAllLines(log)).last().asString().startsWith("#INCOMPLETE run: status FAILED")
                .contains("the <engine> & \"it\" broke");
        assertThat(read(log)).singleElement().satisfies(h -> assertThat(h.getTotalCount())
                .isEqualTo(failed.sample("work").orElseThrow().responseTime().count()));
    }
}
