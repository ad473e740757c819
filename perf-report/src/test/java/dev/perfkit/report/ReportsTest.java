package dev.perfkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

    private static final ReportFormat[] WRITABLE = ReportFormat.values();

    @TempDir
    Path dir;

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void shouldReturnTheWriterOfEachFormatWhenAskedByFormat() {
        for (ReportFormat format : WRITABLE) {
            assertThat(Reports.of(format).format()).isEqualTo(format);
        }
        assertThat(Reports.json().format()).isEqualTo(ReportFormat.JSON);
        assertThat(Reports.csv().format()).isEqualTo(ReportFormat.CSV);
        assertThat(Reports.junitXml().format()).isEqualTo(ReportFormat.JUNIT_XML);
        assertThat(Reports.markdown().format()).isEqualTo(ReportFormat.MARKDOWN);
        assertThat(Reports.hdrLog().format()).isEqualTo(ReportFormat.HDR_LOG);
        assertThat(Reports.console().format()).isEqualTo(ReportFormat.CONSOLE);
        assertThat(Reports.html().format()).isEqualTo(ReportFormat.HTML);
    }

    @Test
    void shouldWriteEveryFormatUnderItsDefaultNameAndLeaveNoTemporaryFileWhenWritingAll() throws Exception {
        List<Path> written = Reports.writeAll(TestRuns.complete(), Optional.of(TestRuns.verdict()), dir, WRITABLE);

        assertThat(names(dir)).containsExactly("csv", "hdr", "junit.xml", "report.html", "result.json", "summary.md", "summary.txt");
        assertThat(written).allSatisfy(p -> assertThat(p).isRegularFile());
        assertThat(names(dir.resolve("csv"))).containsExactly("failures.csv", "gauges_history.csv", "run.csv",
                "stats.csv", "stats_history.csv");
        assertThat(names(dir.resolve("hdr"))).contains("index.csv").allMatch(n -> !n.endsWith(".tmp"));
    }

    @Test
    void shouldWriteTheOtherFormatsAndThrowOneExceptionWhenSomeWritersFail() throws Exception {
        Files.writeString(dir.resolve("csv"), "a file where the CSV folder goes");
        Files.createDirectories(dir.resolve("summary.md").resolve("not-empty"));

        assertThatIOException()
                .isThrownBy(() -> Reports.writeAll(TestRuns.complete(), Optional.empty(), dir, ReportFormat.CSV,
                        ReportFormat.JSON, ReportFormat.MARKDOWN, ReportFormat.CONSOLE))
                .withMessageStartingWith("reports: [CSV, MARKDOWN] could not be written to " + dir)
                .satisfies(e -> {
                    assertThat(e.getCause()).isInstanceOf(IOException.class);
                    assertThat(e.getSuppressed()).hasSize(1);
                });
        assertThat(dir.resolve("result.json")).isRegularFile();
        assertThat(dir.resolve("summary.txt")).isRegularFile();
        assertThat(names(dir)).noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void shouldRefuseAnEmptyListOfFormats() {
        assertThatIllegalArgumentException().isThrownBy(() -> Reports.writeAll(TestRuns.complete(), Optional.empty(),
                dir)).withMessage("reports.writeAll: formats must not be empty");
        assertThat(dir).isEmptyDirectory();
    }
}
